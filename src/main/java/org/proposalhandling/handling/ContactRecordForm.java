package org.proposalhandling.handling;

import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.handling.HandlingRecords.Contact;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 沟通联系: the law requires the unit to contact the proposer before it replies; this records when, how and what.
 * The form shows how to reach the proposer and, in re-handling, why he was not satisfied with the first reply.
 */
@Component("contactRecordForm")
class ContactRecordForm extends ItemFormListener {

  enum Means {
    PHONE("电话"), IN_PERSON("当面走访"), MEETING("座谈会"), LETTER("书面"), EMAIL("电子邮件"), OTHER("其他");

    final String label;

    Means(String label) {
      this.label = label;
    }
  }

  private static final String UNKNOWN = "（未登记）";

  private final HandlingRecords records;
  private final HandlingSummary summary;

  ContactRecordForm(ItemRepository items, HandlingRecords records, HandlingSummary summary) {
    super(items);
    this.records = records;
    this.summary = summary;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    show(task, Map.of(
        "proposerPhone", orUnknown(item.proposerPhone()),
        "proposerEmail", orUnknown(item.proposerEmail()),
        "proposerComments", summary.proposerComments(item.id(), item.handlingRound()),
        "contactedOn", "", "contactMeans", "", "contactSummary", ""));
  }

  private static String orUnknown(String contact) {
    return contact == null || contact.isBlank() ? UNKNOWN : contact;
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    var contactedOn = form.requiredDate("contactedOn", "联系日期");
    if (contactedOn.isAfter(EngineClock.today())) {
      throw new FormValidationException("「联系日期」不能晚于今天。");
    }
    String means = form.requiredChoice("contactMeans", "联系方式", Arrays.stream(Means.values()).map(Enum::name).toList());
    Contact contact = new Contact(contactedOn, means, form.requiredText("contactSummary", "沟通内容"));
    records.saveContact(item.id(), item.handlingRound(), contact, currentUser(task), EngineClock.now());
    lifecycle().record(item.id(), ItemEventKind.CONTACT_RECORDED, describe(contact));
  }

  static String describe(Contact contact) {
    return contact.contactedOn() + "，" + Means.valueOf(contact.means()).label + "：" + contact.summary();
  }
}
