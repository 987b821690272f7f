package org.proposalhandling.deadline;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.calendar.WorkingDayCalendar;
import org.proposalhandling.deadline.DeadlineProperties.Rules;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Computes an item's deadlines on the working-day calendar, with the settings of its kind, and hands them to
 * the process: task due dates and timers are expressions that call this bean
 * ("${deadlines.replyDue(execution)}"), so Tasklist sorts and shows the same dates the item carries. A
 * deadline counted in months that falls on a day off moves to the next working day.
 *
 * <p>Dates handed to the engine are instants in the office's zone (Beijing time by default): a due date is the
 * end of its day (23:59:59), a reminder fires at the start of its day (00:00), and "overdue" starts at the first
 * moment after the due day.
 */
@Component("deadlines")
@EnableConfigurationProperties(DeadlineProperties.class)
public class Deadlines {

  private final DeadlineProperties properties;
  private final ItemRepository items;
  private final WorkingDayCalendar calendar;

  Deadlines(DeadlineProperties properties, ItemRepository items, WorkingDayCalendar calendar) {
    this.properties = properties;
    this.items = items;
    this.calendar = calendar;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /**
   * Whether a date lies in a year without the State Council's holiday file, so that a deadline falling on it
   * was counted on the provisional calendar (statutory holidays only, no 调休) and may move when the file is
   * loaded.
   */
  public boolean provisional(LocalDate day) {
    return day != null && calendar.provisional(day);
  }

  /** Whether the item's reply due date was counted across a provisional year, from its assignment on. */
  public boolean replyDueProvisional(Item item) {
    if (item.replyDue() == null) {
      return false;
    }
    return item.assignedOn() == null ? calendar.provisional(item.replyDue())
        : calendar.provisional(item.assignedOn(), item.replyDue());
  }

  // --- dates, per kind of item -------------------------------------------------------------------------

  public LocalDate replyDue(ItemKind kind, LocalDate assignedOn) {
    return calendar.addMonths(assignedOn, rules(kind).replyMonths());
  }

  public LocalDate coHandlingDue(ItemKind kind, LocalDate assignedOn) {
    return calendar.addMonths(assignedOn, rules(kind).coHandlingMonths());
  }

  public LocalDate rehandlingDue(ItemKind kind, LocalDate feedbackOn) {
    return calendar.addMonths(feedbackOn, rules(kind).rehandlingMonths());
  }

  /** The last day on which a unit may ask for the item to be reassigned (调整交办). */
  public LocalDate reassignmentWindowEnd(Item item) {
    return calendar.addWorkingDays(item.assignedOn(), rules(item.kind()).reassignmentWorkingDays());
  }

  public int reassignmentWorkingDays(ItemKind kind) {
    return rules(kind).reassignmentWorkingDays();
  }

  /** The latest reply due date an extension (延期) may grant: the maximum number of months from assignment. */
  public LocalDate latestExtendedDue(Item item) {
    return calendar.addMonths(item.assignedOn(), rules(item.kind()).maxExtensionMonths());
  }

  public int maxExtensionMonths(ItemKind kind) {
    return rules(kind).maxExtensionMonths();
  }

  /** How many working days before its due day a task or reply shows yellow (the default's when the kind is null). */
  public int yellowWarningWorkingDays(ItemKind kind) {
    return rules(kind).yellowWarningWorkingDays();
  }

  /** The day of the yellow warning: the configured number of working days before the reply is due. */
  public LocalDate yellowWarningOn(Item item) {
    return calendar.addWorkingDays(item.replyDue(), -rules(item.kind()).yellowWarningWorkingDays());
  }

  // --- for the process ---------------------------------------------------------------------------------

  /**
   * The due date of the assigning office's 立案审查 and 交办: working days from the day the item was registered, so
   * that no task of the item sits undated in Tasklist.
   */
  public Date officeDue(DelegateExecution execution) {
    LocalDate registeredOn = item(execution).createdAt().atZone(EngineClock.zone()).toLocalDate();
    return endOf(calendar.addWorkingDays(registeredOn, properties.officeWorkingDays()));
  }

  /** The due date of the lead unit's tasks: the end of the day the reply is due. */
  public Date replyDue(DelegateExecution execution) {
    return endOf(item(execution).replyDue());
  }

  public Date coHandlingDue(DelegateExecution execution) {
    return endOf(item(execution).coHandlingDue());
  }

  /** The yellow warning's timer: the start of {@link #yellowWarningOn(Item)}. */
  public Date yellowWarningAt(DelegateExecution execution) {
    return startOf(yellowWarningOn(item(execution)));
  }

  /** The red warning's timer: the first moment after the day the reply is due. */
  public Date overdueAt(DelegateExecution execution) {
    return startOf(item(execution).replyDue().plusDays(1));
  }

  /**
   * When co-handling opinions still missing are overdue: the first moment after their due day. An item
   * without co-handling units has no such date; its co-handling step ends at once, and so does the timer.
   */
  public Date coHandlingOverdueAt(DelegateExecution execution) {
    Item item = item(execution);
    LocalDate due = item.coHandlingDue() != null ? item.coHandlingDue() : item.replyDue();
    return startOf(due.plusDays(1));
  }

  /** When the proposer who has not answered gets one reminder: the end of the feedback period. */
  public Date feedbackReminderDue(DelegateExecution execution) {
    return endOf(calendar.addWorkingDays(EngineClock.today(), rules(item(execution).kind()).feedbackWorkingDays()));
  }

  /** When an unanswered feedback form closes the item as 未反馈: a grace period after the reminder. */
  public Date feedbackClosingDue(DelegateExecution execution) {
    return endOf(feedbackClosingOn(item(execution).kind(), EngineClock.today()));
  }

  /** The last day of a feedback period (its grace included) that opened on this day. */
  public LocalDate feedbackClosingOn(ItemKind kind, LocalDate openedOn) {
    Rules rules = rules(kind);
    return calendar.addWorkingDays(openedOn, rules.feedbackWorkingDays() + rules.feedbackGraceWorkingDays());
  }

  private Rules rules(ItemKind kind) {
    return properties.of(kind);
  }

  private Item item(DelegateExecution execution) {
    return items.get(execution.getProcessBusinessKey());
  }

  /** The end of a day in the office's zone (23:59:59), as the due date of a task. */
  public static Date endOf(LocalDate day) {
    return day == null ? null : Date.from(day.plusDays(1).atStartOfDay(EngineClock.zone()).minusSeconds(1).toInstant());
  }

  /** The start of a day in the office's zone (00:00). */
  public static Date startOf(LocalDate day) {
    return day == null ? null : Date.from(day.atStartOfDay(EngineClock.zone()).toInstant());
  }
}
