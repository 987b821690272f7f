package org.proposalhandling.feedback.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.item.ItemLifecycle;
import org.springframework.stereotype.Component;

/** 办结: the item is closed after its feedback. */
@Component("closing")
class Closing implements JavaDelegate {

  private final ItemLifecycle lifecycle;

  Closing(ItemLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.close(execution.getProcessBusinessKey());
  }
}
