package org.proposalhandling.feedback.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.feedback.internal.FeedbackRepository.Feedback;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** No answer after the reminder and the grace period: the round is recorded as 未反馈, never as satisfied. */
@Component("noFeedback")
class NoFeedback implements JavaDelegate {

  private final ItemRepository items;
  private final FeedbackRepository feedbacks;
  private final ItemLifecycle lifecycle;
  private final ItemResults results;

  NoFeedback(ItemRepository items, FeedbackRepository feedbacks, ItemLifecycle lifecycle, ItemResults results) {
    this.items = items;
    this.feedbacks = feedbacks;
    this.lifecycle = lifecycle;
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    if (feedbacks.find(item.id(), item.handlingRound()).isEmpty()) {
      feedbacks.save(new Feedback(item.id(), item.handlingRound(), Satisfaction.NO_RESPONSE, null, null, null, null,
          EngineClock.now()));
      lifecycle.feedbackRecorded(item.id(), results.take(item, Satisfaction.NO_RESPONSE, null), "反馈期满未收到征询意见表");
    }
  }
}
