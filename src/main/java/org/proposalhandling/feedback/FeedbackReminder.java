package org.proposalhandling.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/** The feedback period is over and no answer came: one reminder, with a fresh link to the same form. */
@Component("feedbackReminder")
class FeedbackReminder implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final FeedbackMail mail;
  private final ReplyText texts;
  private final ItemLifecycle lifecycle;

  FeedbackReminder(ItemRepository items, ReplyRepository replies, FeedbackMail mail, ReplyText texts, ItemLifecycle lifecycle) {
    this.items = items;
    this.replies = replies;
    this.mail = mail;
    this.texts = texts;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    mail.remind(item, replies.get(item.id(), item.handlingRound()));
    boolean mailed = ProposerChannels.mailsLeadProposer(item);
    boolean texted = texts.remind(item);
    lifecycle.record(item.id(), ItemEventKind.FEEDBACK_REMINDED, !mailed && !texted
        ? "提出人无电子邮箱和手机号码，请交办机构电话提醒"
        : "已发" + (mailed && texted ? "邮件和短信" : mailed ? "邮件" : "短信") + "提醒提出人反馈");
  }
}
