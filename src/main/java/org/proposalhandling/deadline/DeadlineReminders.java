package org.proposalhandling.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 催办: the reminders the deadline timers of the process call ("${deadlineReminders.yellow(execution)}").
 * The yellow warning goes some working days before the reply is due, the red one when it is overdue, both to
 * the lead unit's handlers and office heads; a co-handling opinion still missing after its due date is
 * reminded to the co-handling unit and the lead unit. For a key item (重点督办) the assigning office's clerks
 * get every one of these too. Each reminder is recorded with the due date it is about and never mailed twice
 * for the same date; a new due date (an extension, a reassignment, re-handling) gets its own.
 */
@Component("deadlineReminders")
public class DeadlineReminders {

  static final String YELLOW = "YELLOW";
  static final String RED = "RED";
  static final String CO_HANDLING = "CO_HANDLING";

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminders.class);

  private final ItemRepository items;
  private final DeadlineRecords records;
  private final DeadlineNotices notices;
  private final UnitDirectory units;
  private final Deadlines deadlines;
  private final ItemLifecycle lifecycle;

  DeadlineReminders(ItemRepository items, DeadlineRecords records, DeadlineNotices notices, UnitDirectory units, Deadlines deadlines,
                    ItemLifecycle lifecycle) {
    this.items = items;
    this.records = records;
    this.notices = notices;
    this.units = units;
    this.deadlines = deadlines;
    this.lifecycle = lifecycle;
  }

  /** 黄牌: the reply is due soon. */
  public void yellow(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    if (!records.remember(item.id(), YELLOW, item.replyDue(), EngineClock.now())) {
      return;
    }
    int left = deadlines.calendar().workingDaysBetween(EngineClock.today(), item.replyDue());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("主办单位", units.nameOf(item.leadUnitId()));
    facts.put("答复期限", item.replyDue());
    facts.put("剩余工作日", left);
    int sent = notices.send(item, leadUnitAndOffice(item), "【黄牌提醒】", "即将到期",
        "距答复期限还有 " + left + " 个工作日，请抓紧办理，按期答复提出人。", facts);
    lifecycle.record(item.id(), ItemEventKind.YELLOW_WARNING, "答复期限 " + item.replyDue() + "，剩余 " + left + " 个工作日");
    LOG.info("黄牌提醒 {}：答复期限 {}，{} 份通知", item.reference(), item.replyDue(), sent);
  }

  /** 红牌: the reply is overdue; the process then raises a supervision task for the assigning office. */
  public void red(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    if (!records.remember(item.id(), RED, item.replyDue(), EngineClock.now())) {
      return;
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("主办单位", units.nameOf(item.leadUnitId()));
    facts.put("答复期限", item.replyDue());
    int sent = notices.send(item, leadUnitAndOffice(item), "【红牌督办】", "已逾期未答复",
        "已超过答复期限，尚未答复提出人。请立即办理；交办机构将进行督办。", facts);
    lifecycle.record(item.id(), ItemEventKind.RED_WARNING, "已超过答复期限 " + item.replyDue());
    LOG.info("红牌督办 {}：答复期限 {}，{} 份通知", item.reference(), item.replyDue(), sent);
  }

  /** 会办逾期: co-handling opinions still missing after their due date. */
  public void coHandlingOverdue(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    if (item.coHandlingDue() == null) {
      return;
    }
    List<String> missing = new ArrayList<>(items.coHandlingUnitIds(item.id()));
    missing.removeAll(records.opinionsGiven(item.id(), item.handlingRound()));
    if (missing.isEmpty() || !records.remember(item.id(), CO_HANDLING, item.coHandlingDue(), EngineClock.now())) {
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    missing.forEach(unit -> groups.add(Role.HANDLER.groupOf(unit)));
    groups.add(Role.HANDLER.groupOf(item.leadUnitId()));
    if (item.keyItem()) {
      groups.add(Role.CLERK.groupOf(item.assigningOfficeId()));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("主办单位", units.nameOf(item.leadUnitId()));
    facts.put("未提交会办意见的单位", String.join("、", missing.stream().map(units::nameOf).toList()));
    facts.put("会办意见期限", item.coHandlingDue());
    lifecycle.record(item.id(), ItemEventKind.CO_HANDLING_OVERDUE, "未提交会办意见：" + facts.get("未提交会办意见的单位"));
    notices.send(item, groups, "【会办逾期】", "会办意见已逾期",
        "会办意见已超过期限仍未提交，请会办单位立即向主办单位提出书面会办意见。", facts);
  }

  private static Set<String> leadUnitAndOffice(Item item) {
    Set<String> groups = new LinkedHashSet<>(List.of(Role.HANDLER.groupOf(item.leadUnitId()), Role.HEAD.groupOf(item.leadUnitId())));
    if (item.keyItem()) {
      groups.add(Role.CLERK.groupOf(item.assigningOfficeId()));
    }
    return groups;
  }

  /** Working days a reply is overdue on a day: 0 on the due day itself. */
  int workingDaysOverdue(Item item, LocalDate on) {
    return Math.max(0, deadlines.calendar().workingDaysBetween(item.replyDue(), on));
  }
}
