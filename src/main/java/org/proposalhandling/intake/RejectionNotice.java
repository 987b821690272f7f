package org.proposalhandling.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the proposer that the item was not accepted, and why. The letter goes out with the mail
 * feature; until then the reason is on the item for the assigning office to send.
 */
@Component("rejectionNotice")
class RejectionNotice implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    // The rejection and its reason were recorded when the review completed; nothing else to do yet.
  }
}
