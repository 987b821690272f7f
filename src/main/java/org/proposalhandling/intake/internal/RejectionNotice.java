package org.proposalhandling.intake.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * 告知不予立案: tells the proposer that the item was not accepted, and why (users of today's systems complain
 * that no reason is given). A proposer without an e-mail address is told on paper by the assigning office.
 */
@Component("rejectionNotice")
class RejectionNotice implements JavaDelegate {

  private final ItemRepository items;
  private final Mailer mailer;

  RejectionNotice(ItemRepository items, Mailer mailer) {
    this.items = items;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    if (item.proposerEmail() != null) {
      mailer.send(new Mail(item.id(), "rejection", item.proposerEmail(), List.of(),
          "【不予立案】" + item.reference() + "《" + item.title() + "》",
          Map.of("item", item, "reference", item.reference())));
    }
  }
}
