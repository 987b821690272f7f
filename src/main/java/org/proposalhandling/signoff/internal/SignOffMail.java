package org.proposalhandling.signoff.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.attachment.ReplyFiles;
import org.proposalhandling.directory.Notice;
import org.proposalhandling.directory.People.Member;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyCategories;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.sms.NoticeRecipients;
import org.springframework.stereotype.Component;

/**
 * 请负责人签发, the step before 签发: each responsible official of the lead unit gets a mail with the draft
 * and two links of his own, 同意签发 and 退回修改, which complete the sign-off task that follows; the links
 * of an earlier sign-off stop working. An asynchronous step, so that its retries are its own.
 */
@Component("signOffMail")
class SignOffMail implements JavaDelegate {

  static final String PURPOSE = "SIGN_OFF";
  static final String SIGN_OFF_TASK = "Task_SignOff";

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final NoticeRecipients recipients;
  private final LinkTokens tokens;
  private final Mailer mailer;
  private final ItemLifecycle lifecycle;
  private final ReplyFiles replyFiles;

  SignOffMail(ItemRepository items, ReplyRepository replies, UnitDirectory units, NoticeRecipients recipients,
              LinkTokens tokens, Mailer mailer, ItemLifecycle lifecycle, ReplyFiles replyFiles) {
    this.replyFiles = replyFiles;
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.recipients = recipients;
    this.tokens = tokens;
    this.mailer = mailer;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Reply draft = replies.get(item.id(), item.handlingRound());
    tokens.supersede(PURPOSE, item.id());
    List<Member> officials = recipients.of(Role.OFFICIAL.groupOf(item.leadUnitId()), Notice.SIGN_OFF).mailTo();
    for (Member official : officials) {
      LinkTokens.DecisionLinks links = tokens.decisionLinks(mailer.publicUrl() + "/links/sign-off/", PURPOSE, item.id(), SIGN_OFF_TASK,
          official.id());
      Map<String, Object> model = new HashMap<>();
      model.put("official", official.name());
      model.put("unit", units.nameOf(item.leadUnitId()));
      model.put("item", item);
      model.put("reference", item.reference());
      model.put("rehandling", item.handlingRound() > 1);
      model.put("category", ReplyCategories.labelOf(draft.category()));
      model.put("reply", draft.body());
      model.put("replyFiles", replyFiles.line(item.id(), item.handlingRound()));
      model.put("handler", draft.handler());
      model.put("due", item.replyDue());
      model.put("approveUrl", links.approveUrl());
      model.put("returnUrl", links.returnUrl());
      mailer.send(new Mail(item.id(), "sign-off", official.email(), List.of(),
          (item.handlingRound() > 1 ? "【待签发】【再次办理】" : "【待签发】") + item.reference() + "的答复", model));
    }
    lifecycle.record(item.id(), ItemEventKind.SIGN_OFF_REQUESTED, officials.isEmpty()
        ? "未发签发邮件（负责人无电子邮箱或选择只收短信），请在待办中签发"
        : "已发邮件请" + String.join("、", officials.stream().map(Member::name).toList()) + "签发");
  }
}
