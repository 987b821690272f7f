package org.proposalhandling.signoff.internal;

import org.proposalhandling.handling.DraftDecisionForm;
import org.proposalhandling.handling.HandlingRecords;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.handling.HandlingSummary;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * 签发: the lead unit's responsible official approves the reply, or returns it to drafting with comments,
 * from the links of the mail the step before sent him (see {@link SignOffMail}) or in Tasklist; both routes
 * complete this task.
 */
@Component("signOffForm")
class SignOffForm extends DraftDecisionForm {

  SignOffForm(ItemRepository items, ReplyRepository replies, HandlingRecords records, HandlingSummary summary) {
    super(items, replies, records, summary, Stage.SIGN_OFF);
  }

  @Override
  protected void decided(Item item, boolean approved, String comment, String userId) {
    if (approved) {
      replies().markSigned(item.id(), item.handlingRound(), userId, EngineClock.now());
    }
    lifecycle().signedOff(item.id(), approved, comment);
  }
}
