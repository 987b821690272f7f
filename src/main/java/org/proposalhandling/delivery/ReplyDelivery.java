package org.proposalhandling.delivery;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * 送达答复: records the signed and numbered reply as delivered to the proposer, with a copy to the assigning
 * office. Runs as its own job (asyncBefore with retries) so that a failure never undoes the sign-off.
 */
@Component("replyDelivery")
class ReplyDelivery implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;

  ReplyDelivery(ItemRepository items, ReplyRepository replies) {
    this.items = items;
    this.replies = replies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    if (replies.get(item.id(), item.handlingRound()).deliveredAt() == null) {
      replies.markDelivered(item.id(), item.handlingRound(), EngineClock.now());
    }
    items.setStatus(item.id(), ItemStatus.REPLIED);
  }
}
