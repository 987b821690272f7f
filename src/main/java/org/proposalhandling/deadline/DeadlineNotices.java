package org.proposalhandling.deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.proposalhandling.directory.Notice;
import org.proposalhandling.directory.People.Member;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.sms.NoticeRecipients;
import org.proposalhandling.sms.NoticeRecipients.Recipients;
import org.proposalhandling.sms.Sms;
import org.proposalhandling.sms.SmsSender;
import org.springframework.stereotype.Component;

/**
 * The notices about deadlines, to each member of the groups named once, by the channels he chose for them
 * ({@link Notice#DEADLINE}: mail unless he chose SMS): a mail (template mail/deadline-notice) with the facts,
 * a text with the heading, the item and the sentence. Key items say so first, so that the assigning office
 * sees them apart.
 */
@Component
class DeadlineNotices {

  static final String TEMPLATE = "deadline-notice";
  static final String KEY_ITEM_MARK = ItemFormListener.KEY_ITEM_MARK;
  static final String SMS_PURPOSE = "deadline";

  private final NoticeRecipients recipients;
  private final Mailer mailer;
  private final SmsSender texts;

  DeadlineNotices(NoticeRecipients recipients, Mailer mailer, SmsSender texts) {
    this.recipients = recipients;
    this.mailer = mailer;
    this.texts = texts;
  }

  /**
   * @param heading e.g. 【黄牌提醒】, put before the item's reference in the subject and the text
   * @param message the sentence that says what happened
   * @param facts   label → value lines shown below it in the mail, in order
   * @return how many mails and texts were written
   */
  int send(Item item, Set<String> groups, String heading, String subjectTail, String message, Map<String, Object> facts) {
    Recipients to = recipients.of(groups, Notice.DEADLINE);
    String subject = (item.keyItem() ? KEY_ITEM_MARK : "") + heading + item.reference() + subjectTail;
    for (Member member : to.mailTo()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("recipient", member.name());
      model.put("reference", item.reference());
      model.put("item", item);
      model.put("keyItem", item.keyItem());
      model.put("message", message);
      model.put("facts", new ArrayList<>(facts.entrySet()));
      mailer.send(new Mail(item.id(), TEMPLATE, member.email(), List.of(), subject, model));
    }
    String text = (item.keyItem() ? KEY_ITEM_MARK : "") + heading + item.shortReference() + subjectTail + "：" + message;
    to.textTo().forEach(member -> texts.send(new Sms(item.id(), SMS_PURPOSE, member.mobile(), text)));
    return to.mailTo().size() + to.textTo().size();
  }
}
