package org.proposalhandling.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.People.Person;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.disclosure.ReplyLetterAttachments;
import org.proposalhandling.feedback.FeedbackMail;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * 送达答复: the signed and numbered reply goes to the proposer, with the link to the feedback form that
 * follows, and its copies (抄送) to the assigning office and the co-handling units. Runs as its own job
 * (asyncBefore with retries) so that a failure never undoes the sign-off; the mails leave through the outbox
 * after this step commits.
 */
@Component("replyDelivery")
class ReplyDelivery implements JavaDelegate {

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final UnitDirectory units;
  private final People people;
  private final Mailer mailer;
  private final FeedbackMail feedbackMail;
  private final ItemLifecycle lifecycle;

  ReplyDelivery(ItemRepository items, ReplyRepository replies, UnitDirectory units, People people, Mailer mailer,
                FeedbackMail feedbackMail, ItemLifecycle lifecycle) {
    this.items = items;
    this.replies = replies;
    this.units = units;
    this.people = people;
    this.mailer = mailer;
    this.feedbackMail = feedbackMail;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    Reply reply = replies.get(item.id(), item.handlingRound());
    replies.markDelivered(item.id(), item.handlingRound(), EngineClock.now());
    // The letter's PDF goes with every mail of the reply, rendered when each mail is sent.
    List<String> letter = List.of(ReplyLetterAttachments.reference(item.id(), item.handlingRound()));
    feedbackMail.sendReply(item, reply, letter);
    List<String> copied = new ArrayList<>();
    copy(item, reply, letter, item.assigningOfficeId(), Role.CLERK, copied);
    items.coHandlingUnitIds(item.id()).forEach(unit -> copy(item, reply, letter, unit, Role.HANDLER, copied));
    lifecycle.delivered(item.id(), reply.documentNumber() + "，送达" + item.proposerName()
        + (item.proposerEmail() == null ? "（无电子邮箱，纸质送达）" : "（" + item.proposerEmail() + "）")
        + (copied.isEmpty() ? "" : "；抄送" + String.join("、", copied)));
  }

  /** The copy (抄送) to those of a unit in this role; the unit is named in the delivery's history. */
  private void copy(Item item, Reply reply, List<String> attachments, String unitId, Role role, List<String> copied) {
    List<String> addresses = people.withEmailIn(role.groupOf(unitId)).stream().map(Person::email).toList();
    if (addresses.isEmpty()) {
      return;
    }
    copied.add(units.nameOf(unitId));
    mailer.send(new Mail(item.id(), "reply-copy", addresses.get(0), addresses.subList(1, addresses.size()),
        "【抄送】" + item.reference() + "的答复（" + reply.documentNumber() + "）",
        Map.of("item", item, "reference", item.reference(), "reply", reply, "unit", units.nameOf(item.leadUnitId())),
        attachments));
  }
}
