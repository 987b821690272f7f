package org.proposalhandling.delivery.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.disclosure.ReplyLetterAttachments;
import org.proposalhandling.feedback.FeedbackFormSheets;
import org.proposalhandling.feedback.FeedbackMail;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/**
 * 送达答复: the signed and numbered reply goes to the proposers, with the link to the feedback form that
 * follows and the form on paper (征询意见表, {@link FeedbackFormSheets}) and its attachments ({@link ReplyFiles}, those
 * within the mail limit; the others named as going on paper); its copies are the next step's
 * ({@link ReplyCopyMails}). Runs as its own job (asyncBefore with retries) so that a failure never undoes the
 * sign-off; the mails leave through the outbox after this step commits, and the item is 已答复 only once the
 * proposer's has left ({@link DeliveryConfirmation}).
 */
@Component("replyDelivery")
class ReplyDelivery implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final FeedbackMail feedbackMail;
  private final ReplyLetterAttachments letters;
  private final ReplyFiles replyFiles;

  ReplyDelivery(ItemRepository items, ReplyRepository replies, FeedbackMail feedbackMail, ReplyLetterAttachments letters,
                ReplyFiles replyFiles) {
    this.items = items;
    this.replies = replies;
    this.feedbackMail = feedbackMail;
    this.letters = letters;
    this.replyFiles = replyFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Reply reply = replies.get(item.id(), item.handlingRound());
    // The letter is typeset here first: one that cannot be made fails this step (its retries, then 送达失败)
    // before any mail is written, instead of every mail of the reply after some may have gone. One more
    // rendering per delivery: each mail renders the letter again when it is sent, from its reference.
    letters.render(item.id() + ":" + item.handlingRound());
    ReplyEnclosures enclosures = ReplyEnclosures.of(item, replyFiles);
    feedbackMail.sendReply(item, reply,
        proposer -> enclosures.with(letters.referenceFor(item, item.handlingRound(), proposer), true), enclosures.files().note());
  }
}
