package org.proposalhandling.item.internal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.directory.Role;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.springframework.stereotype.Component;

/**
 * What the process routes on, read from the item's records, never from variables a client could write:
 * gateways, candidate groups and the co-handling units, e.g. {@code ${itemRouting.leadHandlers(execution)}}.
 * Public because the process calls it from expressions.
 */
@Component("itemRouting")
public class ItemRouting {

  private final ItemRepository items;

  ItemRouting(ItemRepository items) {
    this.items = items;
  }

  public String officeClerks(DelegateExecution execution) {
    return Role.CLERK.groupOf(item(execution).assigningOfficeId());
  }

  public String leadHandlers(DelegateExecution execution) {
    return Role.HANDLER.groupOf(item(execution).leadUnitId());
  }

  public String leadHeads(DelegateExecution execution) {
    return Role.HEAD.groupOf(item(execution).leadUnitId());
  }

  public String leadOfficials(DelegateExecution execution) {
    return Role.OFFICIAL.groupOf(item(execution).leadUnitId());
  }

  /** The units asked for a co-handling opinion: those assigned, and none when the item is handled again. */
  public List<String> coHandlingUnits(DelegateExecution execution) {
    Item item = item(execution);
    return item.handlingRound() > 1 ? List.of() : items.coHandlingUnitIds(item.id());
  }

  public boolean accepted(DelegateExecution execution) {
    return item(execution).status() == ItemStatus.ACCEPTED;
  }

  public boolean reviewApproved(DelegateExecution execution) {
    return item(execution).status() == ItemStatus.SIGNING;
  }

  public boolean signedOff(DelegateExecution execution) {
    return item(execution).status() == ItemStatus.SIGNED;
  }

  /** An approved reassignment sent the item back to the office. */
  public boolean reassigned(DelegateExecution execution) {
    return item(execution).status() == ItemStatus.ACCEPTED;
  }

  /** A first "not satisfied" is handled again; after the second round the item closes whatever the answer. */
  public boolean rehandlingRequired(DelegateExecution execution) {
    Item item = item(execution);
    return item.handlingRound() == 1 && item.satisfaction() == Satisfaction.UNSATISFIED;
  }

  private Item item(DelegateExecution execution) {
    return items.get(execution.getProcessBusinessKey());
  }
}
