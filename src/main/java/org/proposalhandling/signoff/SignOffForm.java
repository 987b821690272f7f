package org.proposalhandling.signoff;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.DraftDecisionForm;
import org.proposalhandling.handling.HandlingRecords;
import org.proposalhandling.handling.HandlingRecords.Stage;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * 签发: the lead unit's responsible official approves the reply, or returns it to drafting with comments,
 * from the links of the mail this step sends him or in Tasklist; both routes complete this task.
 */
@Component("signOffForm")
class SignOffForm extends DraftDecisionForm {

  private final SignOffMail mail;
  private final UnitDirectory units;

  SignOffForm(ItemRepository items, ReplyRepository replies, HandlingRecords records, SignOffMail mail, UnitDirectory units) {
    super(items, replies, records, Stage.SIGN_OFF, "signedOff");
    this.mail = mail;
    this.units = units;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    super.prepare(task, item);
    mail.request(task, item, replies().get(item.id(), item.handlingRound()), units.nameOf(item.leadUnitId()));
  }

  @Override
  protected void approved(Item item, String userId) {
    replies().markSigned(item.id(), item.handlingRound(), userId, EngineClock.now());
  }
}
