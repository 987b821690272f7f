package org.proposalhandling.deadline;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Computes an item's deadlines on the working-day calendar and hands them to the process: task due dates
 * and timers are expressions that call this bean ("${deadlines.replyDue(execution)}"), so Tasklist sorts
 * and shows the same dates the item carries. A deadline counted in months that falls on a day off moves
 * to the next working day.
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

  @Bean
  static WorkingDayCalendar workingDayCalendar() {
    return WorkingDayCalendar.fromClasspath();
  }

  public LocalDate replyDue(LocalDate assignedOn) {
    return calendar.addMonths(assignedOn, properties.replyMonths());
  }

  public LocalDate coHandlingDue(LocalDate assignedOn) {
    return calendar.addMonths(assignedOn, properties.coHandlingMonths());
  }

  public LocalDate rehandlingDue(LocalDate feedbackOn) {
    return calendar.addMonths(feedbackOn, properties.rehandlingMonths());
  }

  /** The due date of the lead unit's tasks: the end of the day the reply is due. */
  public Date replyDue(DelegateExecution execution) {
    return endOf(item(execution).replyDue());
  }

  public Date coHandlingDue(DelegateExecution execution) {
    return endOf(item(execution).coHandlingDue());
  }

  /** When the proposer who has not answered gets one reminder: the end of the feedback period. */
  public Date feedbackReminderDue(DelegateExecution execution) {
    return endOf(calendar.addWorkingDays(EngineClock.today(), properties.feedbackWorkingDays()));
  }

  /** When an unanswered feedback form closes the item as 未反馈: a grace period after the reminder. */
  public Date feedbackClosingDue(DelegateExecution execution) {
    return endOf(calendar.addWorkingDays(EngineClock.today(),
        properties.feedbackWorkingDays() + properties.feedbackGraceWorkingDays()));
  }

  private Item item(DelegateExecution execution) {
    return items.get(execution.getProcessBusinessKey());
  }

  private static Date endOf(LocalDate day) {
    return day == null ? null : Date.from(day.plusDays(1).atStartOfDay(EngineClock.ZONE).minusSeconds(1).toInstant());
  }
}
