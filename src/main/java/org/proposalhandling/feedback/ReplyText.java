package org.proposalhandling.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.sms.MobileNumbers;
import org.proposalhandling.sms.Sms;
import org.proposalhandling.sms.SmsSender;
import org.springframework.stereotype.Component;

/**
 * 短信告知答复, right after the reply is delivered: a proposer or co-signer whom the reply's mail cannot reach (no
 * e-mail address known) but who has a mobile number gets a text that the reply is on its way by post, with his
 * feedback link; its token is the one a mail of the same round would carry (single use, ends with the feedback
 * step). Who has an address gets the mail only. A step that only stores texts; where SMS is off it stores none.
 */
@Component("replyText")
class ReplyText implements JavaDelegate {

  static final String PURPOSE = "reply";

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final LinkTokens tokens;
  private final Mailer mailer;
  private final SmsSender texts;

  ReplyText(ItemRepository items, ReplyRepository replies, LinkTokens tokens, Mailer mailer, SmsSender texts) {
    this.items = items;
    this.replies = replies;
    this.tokens = tokens;
    this.mailer = mailer;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!texts.enabled()) {
      return;  // no token to issue for a text that is not sent
    }
    Item item = items.get(execution.getProcessBusinessKey());
    Reply reply = replies.get(item.id(), item.handlingRound());
    if (item.proposerEmail() == null) {
      MobileNumbers.normalise(item.proposerPhone()).ifPresent(mobile -> send(item, reply, item.proposerName(), mobile, "/links/feedback/"
          + tokens.placeholderFor(FeedbackMail.PURPOSE, item.id(), FeedbackMail.FEEDBACK_TASK, mobile)));
    }
    for (CoSigner coSigner : item.coSigners()) {
      if (coSigner.email() == null) {
        MobileNumbers.normalise(coSigner.mobile()).ifPresent(mobile -> send(item, reply, coSigner.name(), mobile, "/links/co-signer-feedback/"
            + tokens.placeholderFor(FeedbackMail.CO_SIGNER_PURPOSE, item.id(), FeedbackMail.FEEDBACK_TASK,
                CoSignerLink.holder(coSigner.position(), reply.round()))));
      }
    }
  }

  private void send(Item item, Reply reply, String name, String mobile, String linkPath) {
    texts.send(new Sms(item.id(), PURPOSE, mobile, name + "：您的" + item.shortReference() + "已答复（" + reply.documentNumber()
        + "），答复函将邮寄给您。请对办理工作评价：" + mailer.publicUrl() + linkPath));
  }
}
