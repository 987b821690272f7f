package org.proposalhandling.assignment;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/**
 * Which units are asked for a co-handling opinion: those assigned, and none when the item is handled again.
 * Public because the process calls it from an expression.
 */
@Component("coHandling")
public class CoHandling {

  private final ItemRepository items;

  CoHandling(ItemRepository items) {
    this.items = items;
  }

  public List<String> unitsToConsult(DelegateExecution execution) {
    var item = items.get(execution.getProcessBusinessKey());
    return item.handlingRound() > 1 ? List.of() : items.coHandlingUnitIds(item.id());
  }
}
