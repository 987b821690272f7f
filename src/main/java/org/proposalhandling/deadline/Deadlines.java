package org.proposalhandling.deadline;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Computes an item's deadlines and hands them to the process: task due dates are expressions that call
 * this bean ("${deadlines.replyDue(execution)}"), so Tasklist sorts and shows the same dates the item carries.
 */
@Component("deadlines")
@EnableConfigurationProperties(DeadlineProperties.class)
public class Deadlines {

  private final DeadlineProperties properties;
  private final ItemRepository items;

  Deadlines(DeadlineProperties properties, ItemRepository items) {
    this.properties = properties;
    this.items = items;
  }

  public LocalDate replyDue(LocalDate assignedOn) {
    return assignedOn.plusMonths(properties.replyMonths());
  }

  public LocalDate coHandlingDue(LocalDate assignedOn) {
    return assignedOn.plusMonths(properties.coHandlingMonths());
  }

  public LocalDate rehandlingDue(LocalDate feedbackOn) {
    return feedbackOn.plusMonths(properties.rehandlingMonths());
  }

  /** The due date of the lead unit's tasks: the end of the day the reply is due. */
  public Date replyDue(DelegateExecution execution) {
    return endOf(item(execution).replyDue());
  }

  public Date coHandlingDue(DelegateExecution execution) {
    return endOf(item(execution).coHandlingDue());
  }

  private Item item(DelegateExecution execution) {
    return items.get(execution.getProcessBusinessKey());
  }

  private static Date endOf(LocalDate day) {
    return day == null ? null : Date.from(day.plusDays(1).atStartOfDay(EngineClock.ZONE).minusSeconds(1).toInstant());
  }
}
