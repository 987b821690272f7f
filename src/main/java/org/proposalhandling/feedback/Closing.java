package org.proposalhandling.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.springframework.stereotype.Component;

/** 办结: the item is closed after its feedback. */
@Component("closing")
class Closing implements JavaDelegate {

  private final ItemRepository items;

  Closing(ItemRepository items) {
    this.items = items;
  }

  @Override
  public void execute(DelegateExecution execution) {
    items.setStatus(execution.getProcessBusinessKey(), ItemStatus.CLOSED);
  }
}
