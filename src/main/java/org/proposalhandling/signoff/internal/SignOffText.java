package org.proposalhandling.signoff.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.directory.Notice;
import org.proposalhandling.directory.People.Member;
import org.proposalhandling.directory.Role;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.sms.NoticeRecipients;
import org.proposalhandling.sms.Sms;
import org.proposalhandling.sms.SmsSender;
import org.springframework.stereotype.Component;

/**
 * 短信请负责人签发, after the sign-off mail: each responsible official of the lead unit with a mobile number gets a
 * text with his sign-off link, on the same single-use token as his mail's links (one is issued for an official
 * without e-mail). The link opens the sign-off page, which asks which decision he means before acting.
 */
@Component("signOffText")
class SignOffText implements JavaDelegate {

  static final String PURPOSE = "sign-off";

  private final ItemRepository items;
  private final NoticeRecipients recipients;
  private final LinkTokens tokens;
  private final Mailer mailer;
  private final SmsSender texts;

  SignOffText(ItemRepository items, NoticeRecipients recipients, LinkTokens tokens, Mailer mailer, SmsSender texts) {
    this.items = items;
    this.recipients = recipients;
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
    for (Member official : recipients.of(Role.OFFICIAL.groupOf(item.leadUnitId()), Notice.SIGN_OFF).textTo()) {
      String link = mailer.publicUrl() + "/links/sign-off/"
          + tokens.placeholderFor(SignOffMail.PURPOSE, item.id(), SignOffMail.SIGN_OFF_TASK, official.id());
      texts.send(new Sms(item.id(), PURPOSE, official.mobile(),
          official.name() + "：" + item.reference() + "的答复待您签发，请点击 " + link));
    }
  }
}
