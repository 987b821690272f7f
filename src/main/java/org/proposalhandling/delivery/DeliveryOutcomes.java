package org.proposalhandling.delivery;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.stereotype.Component;

/**
 * What becomes of a reply's delivery, told by the engine ({@link DeliveryEnginePlugin}): the proposer's mail
 * sent wakes the item; the delivery step or that mail failing every retry (an incident) makes the item
 * 送达失败 with the reason; the incident retried makes it wait for its reply again. Runs in the transaction of
 * the engine's command; the engine's queries run as the system (units have no grant on mail-dispatch).
 */
@Component
class DeliveryOutcomes {

  static final String ITEM_PROCESS = "proposal-handling";
  /** The steps that write the reply's mails, and what their failure tells the office. */
  static final Map<String, String> DELIVERY_STEPS = Map.of("Task_DeliverReply", "答复函或送达邮件未能生成：",
      "Task_CopyReply", "抄送邮件未能生成：");
  static final String REPLY_SENT = "ReplySent";
  /** The history's summary column holds 2,000 characters; a stack of causes is longer. */
  private static final int REASON_LENGTH = 1000;

  private final ItemRepository items;
  private final ItemLifecycle lifecycle;
  private final ReplyMails mails;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final SystemActions system;

  DeliveryOutcomes(ItemRepository items, ItemLifecycle lifecycle, ReplyMails mails, RuntimeService runtime,
                   RepositoryService repository, SystemActions system) {
    this.items = items;
    this.lifecycle = lifecycle;
    this.mails = mails;
    this.runtime = runtime;
    this.repository = repository;
    this.system = system;
  }

  /** A mail was sent: if it is an item's reply, the item's process checks the outbox and goes on. */
  void mailSent(String mailId) {
    mails.itemOfReply(mailId).ifPresent(itemId -> system.run(() ->
        runtime.createMessageCorrelation(REPLY_SENT).processInstanceBusinessKey(itemId).correlateAllWithResult()));
  }

  void failed(IncidentContext incident, String message) {
    delivering(incident).filter(failure -> failure.item().status() == ItemStatus.SIGNED).ifPresent(failure ->
        lifecycle.deliveryFailed(failure.item().id(), failure.what() + shortened(message)));
  }

  /** Retried from Cockpit, say; the office's 重新送达 ({@link Redelivery}) has moved the item already. */
  void resolved(IncidentContext incident) {
    delivering(incident).filter(failure -> failure.item().status() == ItemStatus.DELIVERY_FAILED).ifPresent(failure ->
        lifecycle.redelivering(failure.item().id(), "故障已重试"));
  }

  private record Failure(Item item, String what) {
  }

  /** The item whose reply this incident holds back: at its delivery step, or on its reply's mail. */
  private Optional<Failure> delivering(IncidentContext incident) {
    return system.run(() -> {
      String process = repository.getProcessDefinition(incident.getProcessDefinitionId()).getKey();
      // Map.of refuses a null key: an incident need not name its activity.
      if (ITEM_PROCESS.equals(process) && incident.getActivityId() != null
          && DELIVERY_STEPS.containsKey(incident.getActivityId())) {
        return items.find(businessKeyOf(incident)).map(item -> new Failure(item, DELIVERY_STEPS.get(incident.getActivityId())));
      }
      if (MailOutbox.PROCESS.equals(process)) {
        return mails.itemOfReply(businessKeyOf(incident)).flatMap(items::find)
            .map(item -> new Failure(item, "答复邮件未能发给提出人："));
      }
      return Optional.empty();
    });
  }

  /**
   * From the engine's command, which holds the execution already: the engine asks its handlers to resolve an
   * incident at every job and external task that completes, failed before or not, and two queries here for each
   * were 3 % of the benchmark's sign-off.
   */
  private static String businessKeyOf(IncidentContext incident) {
    return Context.getCommandContext().getExecutionManager().findExecutionById(incident.getExecutionId())
        .getProcessBusinessKey();
  }

  private static String shortened(String message) {
    String text = message == null ? "未知原因" : message;
    return text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH) + "…";
  }
}
