package org.proposalhandling.assignment.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.directory.Notice;
import org.proposalhandling.directory.People.Member;
import org.proposalhandling.directory.Role;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.sms.NoticeRecipients;
import org.proposalhandling.sms.Sms;
import org.proposalhandling.sms.SmsSender;
import org.proposalhandling.workflow.TextLength;
import org.springframework.stereotype.Component;

/**
 * 短信通知承办人, right after 交办: each handler of the lead unit with a mobile number gets a short text naming the
 * item, its title (abbreviated, to stay near one SMS) and the reply deadline. A step that only stores the text:
 * the SMS threads send it after the step commits; where SMS is off, {@link SmsSender} stores nothing.
 */
@Component("assignmentText")
class AssignmentText implements JavaDelegate {

  static final String PURPOSE = "assignment";
  /** With the signature and the deadline, a title of this length keeps most notices within two segments. */
  private static final int TITLE_MAX_LENGTH = 20;

  private final ItemRepository items;
  private final NoticeRecipients recipients;
  private final SmsSender texts;

  AssignmentText(ItemRepository items, NoticeRecipients recipients, SmsSender texts) {
    this.items = items;
    this.recipients = recipients;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    for (Member handler : recipients.of(Role.HANDLER.groupOf(item.leadUnitId()), Notice.ASSIGNMENT).textTo()) {
      texts.send(new Sms(item.id(), PURPOSE, handler.mobile(), "您单位收到交办件" + item.reference() + "《"
          + TextLength.abbreviate(item.title(), TITLE_MAX_LENGTH) + "》，请于" + item.replyDue() + "前答复，请登录系统办理。"));
    }
  }
}
