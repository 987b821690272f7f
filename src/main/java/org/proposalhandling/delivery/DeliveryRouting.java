package org.proposalhandling.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.feedback.ProposerChannels;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/**
 * Whether the reply has left, read from the outbox: the process's ReplySent message only wakes the item, this
 * decides. Public because the process calls it from an expression.
 */
@Component("deliveryRouting")
public class DeliveryRouting {

  private final ItemRepository items;
  private final ReplyMails mails;

  DeliveryRouting(ItemRepository items, ReplyMails mails) {
    this.items = items;
    this.mails = mails;
  }

  /** A proposer without an e-mail address gets the reply on paper: it leaves with the delivery step. */
  public boolean replyLeft(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    return !ProposerChannels.mailsLeadProposer(item) || mails.lastSent(item.id());
  }
}
