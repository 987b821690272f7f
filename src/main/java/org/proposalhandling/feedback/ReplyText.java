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
import org.proposalhandling.sms.Sms;
import org.proposalhandling.sms.SmsSender;
import org.springframework.stereotype.Component;

/**
 * 短信告知答复, right after the reply is delivered, and the text of 提醒提出人反馈: each proposer (the lead, each
 * co-signer) to be texted by the item's rule ({@link ProposerChannels}: the office's choice, or SMS where no mail
 * reaches him) gets a text with his feedback link; its token is the one a mail of the same round would carry
 * (single use, ends with the feedback step). A step that only stores texts; where SMS is off it stores none.
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
    String told = ProposerChannels.mailsLeadProposer(item) ? "答复函已发至您的电子邮箱" : "答复函将邮寄给您";
    ProposerChannels.textsLeadProposer(item).ifPresent(mobile -> send(item, item.proposerName(), mobile,
        "已答复（" + reply.documentNumber() + "），" + told + "。请对办理工作评价：", leadProposerLink(item, mobile)));
    for (CoSigner coSigner : item.coSigners()) {
      ProposerChannels.texts(item, coSigner).ifPresent(mobile -> send(item, coSigner.name(), mobile,
          "已答复（" + reply.documentNumber() + "），" + (ProposerChannels.mails(item, coSigner) ? "答复函已发至您的电子邮箱"
              : "答复函将邮寄给领衔人") + "。请对办理工作评价：", "/links/co-signer-feedback/"
              + tokens.placeholderFor(FeedbackMail.CO_SIGNER_PURPOSE, item.id(), FeedbackMail.FEEDBACK_TASK,
                  CoSignerLink.holder(coSigner.position(), reply.round()))));
    }
  }

  /** 提醒提出人反馈 by text, where the lead proposer is texted; whether he was. */
  boolean remind(Item item) {
    if (!texts.enabled()) {
      return false;
    }
    return ProposerChannels.textsLeadProposer(item).map(mobile -> {
      send(item, item.proposerName(), mobile, "的答复尚待您评价，请点击：", leadProposerLink(item, mobile));
      return true;
    }).orElse(false);
  }

  private String leadProposerLink(Item item, String mobile) {
    return "/links/feedback/" + tokens.placeholderFor(FeedbackMail.PURPOSE, item.id(), FeedbackMail.FEEDBACK_TASK, mobile);
  }

  private void send(Item item, String name, String mobile, String what, String linkPath) {
    texts.send(new Sms(item.id(), PURPOSE, mobile, name + "：您的" + item.shortReference() + what + mailer.publicUrl() + linkPath));
  }
}
