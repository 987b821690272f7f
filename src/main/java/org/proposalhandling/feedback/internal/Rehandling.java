package org.proposalhandling.feedback.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.handling.HandlingRecords;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** 再次办理: after a first "not satisfied" the lead unit handles the item again, with its own deadline. */
@Component("rehandling")
class Rehandling implements JavaDelegate {

  private final ItemRepository items;
  private final FeedbackRepository feedbacks;
  private final HandlingRecords records;
  private final Deadlines deadlines;
  private final ItemLifecycle lifecycle;

  Rehandling(ItemRepository items, FeedbackRepository feedbacks, HandlingRecords records, Deadlines deadlines,
             ItemLifecycle lifecycle) {
    this.items = items;
    this.feedbacks = feedbacks;
    this.records = records;
    this.deadlines = deadlines;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    if (item.handlingRound() > 1) {
      return;
    }
    String comments = feedbacks.find(item.id(), item.handlingRound()).map(FeedbackRepository.Feedback::comments).orElse(null);
    lifecycle.startRehandling(item.id(), deadlines.rehandlingDue(item.kind(), EngineClock.today()));
    records.noteProposerComments(item.id(), item.handlingRound() + 1, comments, EngineClock.now());
  }
}
