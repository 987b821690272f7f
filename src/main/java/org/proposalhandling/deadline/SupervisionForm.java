package org.proposalhandling.deadline;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/** 督办: the reply is overdue; the assigning office chases the lead unit and records how and what it said. */
@Component("supervisionForm")
class SupervisionForm extends ItemFormListener {

  static final List<String> MEANS = List.of("PHONE", "NOTICE", "INTERVIEW", "VISIT", "OTHER");

  private final UnitDirectory units;
  private final DeadlineRecords records;
  private final DeadlineReminders reminders;

  SupervisionForm(ItemRepository items, UnitDirectory units, DeadlineRecords records, DeadlineReminders reminders) {
    super(items);
    this.units = units;
    this.records = records;
    this.reminders = reminders;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    show(task, Map.of(
        "leadUnitName", units.nameOf(item.leadUnitId()),
        "replyDueText", String.valueOf(item.replyDue()),
        "overdueText", "已逾期 " + Math.max(1, reminders.workingDaysOverdue(item, EngineClock.today())) + " 个工作日"
            + (item.keyItem() ? "（重点督办件）" : ""),
        "supervisionMeans", "",
        "supervisionNote", ""));
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    String means = form.requiredChoice("supervisionMeans", "督办方式", MEANS);
    form.requiredText("supervisionNote", "督办情况");
    String note = form.optionalText("supervisionNote", "督办情况", 4000);
    records.saveSupervision(item.id(), item.replyDue(), means, note, currentUser(task), EngineClock.now());
    lifecycle().record(item.id(), ItemEventKind.SUPERVISED, note);
  }
}
