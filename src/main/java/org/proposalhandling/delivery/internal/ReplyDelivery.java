package org.proposalhandling.delivery.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.disclosure.ReplyCopies;
import org.proposalhandling.disclosure.ReplyCopies.Copy;
import org.proposalhandling.disclosure.ReplyLetterAttachments;
import org.proposalhandling.feedback.FeedbackFormSheets;
import org.proposalhandling.feedback.FeedbackMail;
import org.proposalhandling.feedback.ProposerChannels;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * 送达答复: the signed and numbered reply goes to the proposer, with the link to the feedback form that
 * follows and the form on paper (征询意见表, {@link FeedbackFormSheets}), its attachments ({@link ReplyFiles}, those
 * within the mail limit; the others named as going on paper), and its copies (抄送, {@link ReplyCopies}: the
 * assigning office and those proposals.letter.copies names). Runs as its own job (asyncBefore with retries) so that a failure never undoes the sign-off; the mails leave through the outbox
 * after this step commits, and the item is 已答复 only once the proposer's has left ({@link DeliveryConfirmation}).
 */
@Component("replyDelivery")
class ReplyDelivery implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final ReplyCopies copies;
  private final Mailer mailer;
  private final FeedbackMail feedbackMail;
  private final ReplyLetterAttachments letters;
  private final ReplyFiles replyFiles;

  ReplyDelivery(ItemRepository items, ReplyRepository replies, UnitDirectory units, ReplyCopies copies, Mailer mailer,
                FeedbackMail feedbackMail, ReplyLetterAttachments letters, ReplyFiles replyFiles) {
    this.replyFiles = replyFiles;
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.copies = copies;
    this.mailer = mailer;
    this.feedbackMail = feedbackMail;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Reply reply = replies.get(item.id(), item.handlingRound());
    // The letter is typeset here first: one that cannot be made fails this step (its retries, then 送达失败)
    // before any mail is written, instead of every mail of the reply after the copies may have gone. One more
    // rendering per delivery: each mail renders the letter again when it is sent, from its reference.
    letters.render(item.id() + ":" + item.handlingRound());
    ReplyFiles.Mailing files = replyFiles.mailing(item.id(), item.handlingRound());
    List<String> letter = new ArrayList<>(List.of(ReplyLetterAttachments.reference(item.id(), item.handlingRound())));
    letter.addAll(files.references());
    List<String> letterAndForm = new ArrayList<>(letter);
    letterAndForm.add(FeedbackFormSheets.reference(item.id(), item.handlingRound()));
    feedbackMail.sendReply(item, reply, proposer -> {
      List<String> own = new ArrayList<>(letterAndForm);
      own.set(0, letters.referenceFor(item, item.handlingRound(), proposer));
      return own;
    }, files.note());
    List<Copy> copied = copies.of(item);
    // A proposer without an e-mail address gets the reply on paper: the office (the first copy) posts it, the form with it.
    copy(item, reply, ProposerChannels.mailsLeadProposer(item) ? letter : letterAndForm, files, copied.get(0));
    copied.subList(1, copied.size()).forEach(copy -> copy(item, reply, letter, files, copy));
  }

  /** The copy (抄送) to its addresses, listed in the item's timeline with how it fared; none: on paper. */
  private void copy(Item item, Reply reply, List<String> attachments, ReplyFiles.Mailing files, Copy copy) {
    List<String> addresses = copy.emails();
    if (addresses.isEmpty()) {
      return;
    }
    mailer.send(new Mail(item.id(), "reply-copy", addresses.get(0), addresses.subList(1, addresses.size()),
        "【抄送】" + item.reference() + "的答复（" + reply.documentNumber() + "）",
        model(item, reply, files), attachments));
  }

  private Map<String, Object> model(Item item, Reply reply, ReplyFiles.Mailing files) {
    Map<String, Object> model = new HashMap<>(Map.of("item", item, "reference", item.reference(), "reply", reply,
        "unit", units.nameOf(item.leadUnitId())));
    model.put("filesNote", files.note());
    return model;
  }
}
