package org.proposalhandling.intakeimport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.proposalhandling.intakeimport.AssignmentStore.BatchRecord;
import org.proposalhandling.intakeimport.AssignmentStore.Planned;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.FormValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assigns the items of a running batch in the background, one item per transaction, by completing its
 * 立案审查 (accept) and 交办 tasks with the form's values, as the clerk who confirmed the batch: the same
 * listeners run as in Tasklist, so deadlines, grants and mails follow as for an item assigned by hand. An
 * item whose 立案审查 task is not there yet (its registration's job has not run) waits for a later pass; one
 * still missing after {@code proposals.imports.task-wait} fails with that reason. Batches still running at
 * start-up are resumed.
 */
@Component
class AssignmentRunner implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(AssignmentRunner.class);
  private static final Duration PAUSE = Duration.ofMillis(500);

  enum Outcome { ASSIGNED, NOT_READY, FAILED }

  private final AssignmentStore store;
  private final ItemRepository items;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final Duration taskWait;
  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

  AssignmentRunner(AssignmentStore store, ItemRepository items, TaskService tasks, FormService forms,
                   IdentityService identity, TransactionTemplate transaction,
                   @Value("${proposals.imports.task-wait:PT10M}") Duration taskWait) {
    this.store = store;
    this.items = items;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.transaction = transaction;
    this.taskWait = taskWait;
    executor.setCorePoolSize(1);
    executor.setThreadNamePrefix("batch-assignment-");
    executor.initialize();
  }

  void submitAfterCommit(String batchId) {
    AfterCommit.run(() -> submit(batchId));
  }

  @EventListener(ApplicationReadyEvent.class)
  void resume() {
    for (String batchId : store.running()) {
      LOG.info("继续未完成的批量交办 {}", batchId);
      submit(batchId);
    }
  }

  private void submit(String batchId) {
    executor.execute(() -> {
      try {
        run(batchId);
      } catch (RuntimeException e) {
        LOG.error("批量交办 {} 中断，下次启动时继续", batchId, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private void run(String batchId) throws InterruptedException {
    BatchRecord batch = store.find(batchId).orElseThrow();
    List<String> groups = identity.createGroupQuery().groupMember(batch.requestedBy()).list().stream().map(Group::getId).toList();
    long lastProgress = System.nanoTime();
    List<Planned> pending;
    while (!(pending = store.pending(batchId)).isEmpty()) {
      boolean progressed = false;
      for (Planned item : pending) {
        progressed |= assign(batch, groups, item) != Outcome.NOT_READY;
      }
      if (progressed) {
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > taskWait.toNanos()) {
        pending.forEach(item -> transaction.executeWithoutResult(status -> store.failed(batchId, item.seq(),
            "立案审查任务在 " + taskWait.toMinutes() + " 分钟内未生成（登记的后台作业未执行），请稍后人工交办。")));
      } else {
        Thread.sleep(PAUSE.toMillis());
      }
    }
    store.finish(batchId);
  }

  private Outcome assign(BatchRecord batch, List<String> groups, Planned planned) {
    try {
      return transaction.execute(status -> {
        if (!store.claim(batch.id(), planned.seq())) {
          return Outcome.ASSIGNED;
        }
        Item item = items.get(planned.itemId());
        if (item.status() == ItemStatus.REGISTERED) {
          Task review = task(item, "Task_AcceptanceReview");
          if (review == null) {
            status.setRollbackOnly();
            return Outcome.NOT_READY;
          }
          asClerk(batch, groups, () -> forms.submitTaskForm(review.getId(), Map.of("decision", "accept")));
        } else if (item.status() != ItemStatus.ACCEPTED) {
          throw new FormValidationException("当前为“" + item.status().label(item.handlingRound()) + "”，不能再交办。");
        }
        Task assignment = task(item, "Task_Assignment");
        if (assignment == null) {
          status.setRollbackOnly();
          return Outcome.NOT_READY;
        }
        asClerk(batch, groups, () -> forms.submitTaskForm(assignment.getId(), Map.of(
            "leadUnit", planned.leadUnitId(),
            "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(planned.coUnitIds())).create(),
            "keyItem", false)));
        return Outcome.ASSIGNED;
      });
    } catch (RuntimeException e) {
      FormValidationException refused = FormValidationException.findIn(e);
      String message = refused != null ? refused.getMessage() : "交办失败：" + e.getMessage();
      LOG.warn("批量交办 {}：{} 未能交办：{}", batch.id(), planned.itemId(), message);
      transaction.executeWithoutResult(status -> store.failed(batch.id(), planned.seq(), message));
      return Outcome.FAILED;
    }
  }

  /** Looked up as the system: the batch's thread has no user until a task is completed. */
  private Task task(Item item, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(item.processInstanceId()).taskDefinitionKey(taskKey).singleResult();
  }

  /** The clerk who confirmed the batch completes the tasks, so that the item's history names him. */
  private void asClerk(BatchRecord batch, List<String> groups, Runnable action) {
    identity.setAuthentication(batch.requestedBy(), groups);
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
