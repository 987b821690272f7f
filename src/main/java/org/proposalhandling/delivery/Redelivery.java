package org.proposalhandling.delivery;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.proposalhandling.directory.Role;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重新送达: once the cause is fixed (the SMTP server, the letter's fonts), the assigning office tries the failed
 * delivery again from the item's page: its failed step, or its failed mails, get one more attempt each. The
 * item waits for its reply again; failing again, it is 送达失败 again, with the new reason.
 */
@Service
public class Redelivery {

  private final ItemRepository items;
  private final ItemLifecycle lifecycle;
  private final ReplyMails mails;
  private final ManagementService management;
  private final MailOutbox outbox;
  private final SystemActions system;

  Redelivery(ItemRepository items, ItemLifecycle lifecycle, ReplyMails mails, ManagementService management,
             MailOutbox outbox, SystemActions system) {
    this.items = items;
    this.lifecycle = lifecycle;
    this.mails = mails;
    this.management = management;
    this.outbox = outbox;
    this.system = system;
  }

  /** Refused to anyone but the item's assigning office. */
  public static final class NotAllowedException extends RuntimeException {
    NotAllowedException(String message) {
      super(message);
    }
  }

  /** Whether this user may ask for it now: a clerk of the item's assigning office, the delivery failed. */
  public static boolean mayRetry(Authentication user, Item item) {
    return item.status() == ItemStatus.DELIVERY_FAILED && isOfficeClerk(user, item);
  }

  @Transactional
  public void retry(Authentication user, String itemId) {
    Item item = items.get(itemId);
    if (!isOfficeClerk(user, item)) {
      throw new NotAllowedException("只有交办机构可以重新送达答复。");
    }
    if (item.status() != ItemStatus.DELIVERY_FAILED) {
      throw new FormValidationException("该件当前为「" + item.status().label(item.handlingRound()) + "」，不是「送达失败」，无需重新送达。");
    }
    lifecycle.redelivering(itemId, "交办机构重新送达");
    // Both, not the first that finds something (|, not ||): a failed step and stopped copies may stand together.
    boolean retried = system.run(() -> retryFailedStep(item) | retryStoppedMails(item));
    if (!retried) {
      throw new FormValidationException("没有找到失败的送达步骤或邮件，请联系系统管理员。");
    }
  }

  private static boolean isOfficeClerk(Authentication user, Item item) {
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Role.CLERK.groupOf(item.assigningOfficeId()));
  }

  /** The item's delivery step or copy step, if it stopped retrying: one more attempt, due now (not at its last back-off's). */
  private boolean retryFailedStep(Item item) {
    List<Job> failed = DeliveryOutcomes.DELIVERY_STEPS.keySet().stream().flatMap(step -> management.createJobQuery()
        .processInstanceId(item.processInstanceId()).activityId(step).noRetriesLeft().list().stream()).toList();
    Date now = Date.from(EngineClock.now());
    failed.forEach(job -> {
      management.setJobRetries(job.getId(), 1);
      management.setJobDuedate(job.getId(), now);
    });
    return !failed.isEmpty();
  }

  /** The item's mails (the reply and its copies) that stopped retrying: one more attempt each. */
  private boolean retryStoppedMails(Item item) {
    return mails.unsent(item.id()).stream().map(outbox::retryStopped).toList().contains(true);
  }
}
