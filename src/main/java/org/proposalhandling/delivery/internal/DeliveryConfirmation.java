package org.proposalhandling.delivery.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.feedback.ProposerChannels;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** 确认送达: the reply has left; the item is 已答复 and its feedback clock starts with the step that follows. */
@Component("deliveryConfirmation")
class DeliveryConfirmation implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final ItemLifecycle lifecycle;

  DeliveryConfirmation(ItemRepository items, ReplyRepository replies, ItemLifecycle lifecycle) {
    this.items = items;
    this.replies = replies;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Reply reply = replies.get(item.id(), item.handlingRound());
    replies.markDelivered(item.id(), item.handlingRound(), EngineClock.now());
    lifecycle.delivered(item.id(), reply.documentNumber() + "，送达" + item.proposerName()
        + (ProposerChannels.mailsLeadProposer(item) ? "（" + item.proposerEmail() + "）" : "（纸质送达）"));
  }
}
