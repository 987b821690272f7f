package org.proposalhandling.delivery;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.People.Person;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * 送达答复: records the signed and numbered reply as delivered and sends its copy (抄送) to the assigning
 * office. The proposer's own mail, with the feedback form's link, goes out as the feedback step opens.
 * Runs as its own job (asyncBefore with retries) so that a failure never undoes the sign-off; running it
 * twice delivers once.
 */
@Component("replyDelivery")
class ReplyDelivery implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final People people;
  private final Mailer mailer;

  ReplyDelivery(ItemRepository items, ReplyRepository replies, UnitDirectory units, People people, Mailer mailer) {
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.people = people;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Reply reply = replies.get(item.id(), item.handlingRound());
    if (reply.deliveredAt() == null) {
      replies.markDelivered(item.id(), item.handlingRound(), EngineClock.now());
      sendCopyToOffice(item, reply);
    }
    items.setStatus(item.id(), ItemStatus.REPLIED);
  }

  private void sendCopyToOffice(Item item, Reply reply) {
    List<String> clerks = people.withEmailIn(Role.CLERK.groupOf(item.assigningOfficeId())).stream().map(Person::email).toList();
    if (clerks.isEmpty()) {
      return;
    }
    mailer.send(new Mail(item.id(), "reply-copy", clerks.get(0), clerks.subList(1, clerks.size()),
        "【抄送】" + item.reference() + "的答复（" + reply.documentNumber() + "）",
        Map.of("item", item, "reference", item.reference(), "reply", reply, "unit", units.nameOf(item.leadUnitId()))));
  }
}
