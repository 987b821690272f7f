package org.proposalhandling.signoff;

import org.proposalhandling.handling.DraftDecisionForm;
import org.proposalhandling.handling.HandlingRecords;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** 签发: the lead unit's responsible official approves the reply, or returns it to drafting with comments. */
@Component("signOffForm")
class SignOffForm extends DraftDecisionForm {

  SignOffForm(ItemRepository items, ReplyRepository replies, HandlingRecords records) {
    super(items, replies, records, Stage.SIGN_OFF, "signedOff");
  }

  @Override
  protected void approved(Item item, String userId) {
    replies().markSigned(item.id(), item.handlingRound(), userId, EngineClock.now());
  }
}
