package org.proposalhandling.assignment.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.proposalhandling.assignment.internal.AssignmentStore.BatchRecord;
import org.proposalhandling.assignment.internal.AssignmentStore.ItemState;
import org.proposalhandling.assignment.internal.AssignmentStore.Planned;
import org.proposalhandling.directory.Role;
import org.proposalhandling.intakeimport.AfterCommit;
import org.proposalhandling.intakeimport.ChunkWorkers;
import org.proposalhandling.intakeimport.ImportProperties;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.FormValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assigns the items of a running batch in the background by completing each item's 立案审查 (accept) and 交办
 * tasks with the form's values, as the clerk who confirmed the batch: the same listeners run as in Tasklist,
 * so deadlines, grants and mails follow as for an item assigned by hand. Items go in chunks, one transaction
 * each, side by side on {@link ChunkWorkers}; an item is marked done in the transaction that
 * assigns it, so a crash leaves each either assigned or still pending. A chunk that fails is retried item by
 * item, so that one refused item fails alone, with its reason. An item whose 立案审查 task is not there yet
 * (its registration's job has not run) waits for a later pass; one still missing after
 * {@link ImportProperties#taskWait()} fails with that reason. Batches still running at start-up are resumed.
 */
@Component
class AssignmentRunner implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(AssignmentRunner.class);
  private static final Duration PAUSE = Duration.ofMillis(500);
  private static final int CHUNK = 20;
  private static final String REVIEW = "Task_AcceptanceReview";
  private static final String ASSIGNMENT = "Task_Assignment";

  enum Outcome { ASSIGNED, NOT_READY, FAILED }

  private final AssignmentStore store;
  private final ItemRepository items;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final Duration taskWait;
  private final ChunkWorkers workers;
  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

  AssignmentRunner(AssignmentStore store, ItemRepository items, TaskService tasks, FormService forms,
                   IdentityService identity, TransactionTemplate transaction,
                   ImportProperties imports, ChunkWorkers workers) {
    this.store = store;
    this.items = items;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.transaction = transaction;
    this.taskWait = imports.taskWait();
    this.workers = workers;
    // One batch at a time; its chunks run on the bounded workers.
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
    // As the office's clerk in that one role, the tasks' candidate group, if he still holds it (if not, the
    // engine refuses each item and it fails with that reason). One group, not all the user's: the engine's check
    // before each completion asks for the grants of "GROUP_ID_ in (...)" on the task; with one group H2 finds them
    // by the engine's unique key, with two it walked every grant there is (46% of the assignment at 15,000 items).
    String clerks = Role.CLERK.groupOf(batch.officeId());
    boolean stillClerk = identity.createGroupQuery().groupMember(batch.requestedBy()).groupId(clerks).count() > 0;
    List<String> groups = stillClerk ? List.of(clerks) : List.of();
    long lastProgress = System.nanoTime();
    List<Planned> pending;
    while (!(pending = store.inState(batchId, ItemState.PENDING)).isEmpty()) {
      List<List<Planned>> chunks = new ArrayList<>();
      for (int from = 0; from < pending.size(); from += CHUNK) {
        chunks.add(pending.subList(from, Math.min(pending.size(), from + CHUNK)));
      }
      boolean progressed = workers.each(chunks, chunk -> assignChunk(batch, groups, chunk)).contains(true);
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

  /** True when any item of the chunk was assigned or failed (not merely waiting for its task). */
  private boolean assignChunk(BatchRecord batch, List<String> groups, List<Planned> chunk) {
    try {
      return Boolean.TRUE.equals(transaction.execute(status -> {
        List<Item> chunkItems = chunk.stream().map(planned -> items.get(planned.itemId())).toList();
        Map<String, Task> open = openTasks(chunkItems);
        boolean progressed = false;
        for (int i = 0; i < chunk.size(); i++) {
          progressed |= assignInChunk(batch, groups, chunk.get(i), chunkItems.get(i), open) != Outcome.NOT_READY;
        }
        return progressed;
      }));
    } catch (RuntimeException chunkFailed) {
      boolean progressed = false;
      for (Planned planned : chunk) {
        progressed |= assign(batch, groups, planned) != Outcome.NOT_READY;
      }
      return progressed;
    }
  }

  /**
   * In the chunk's transaction: an item whose task is missing is left untouched for a later pass (checked
   * before anything is written, as nothing of the chunk may be undone for it); anything else that goes wrong
   * throws, and the chunk is done again item by item.
   */
  private Outcome assignInChunk(BatchRecord batch, List<String> groups, Planned planned, Item item, Map<String, Task> open) {
    Task review = open.get(item.processInstanceId() + REVIEW);
    if (item.status() == ItemStatus.REGISTERED && review == null
        || item.status() == ItemStatus.ACCEPTED && open.get(item.processInstanceId() + ASSIGNMENT) == null) {
      return Outcome.NOT_READY;
    }
    if (!store.claim(batch.id(), planned.seq())) {
      return Outcome.ASSIGNED;
    }
    complete(batch, groups, planned, item, review);
    return Outcome.ASSIGNED;
  }

  /** One item in a transaction of its own, its failure recorded with the reason. */
  private Outcome assign(BatchRecord batch, List<String> groups, Planned planned) {
    try {
      return transaction.execute(status -> {
        if (!store.claim(batch.id(), planned.seq())) {
          return Outcome.ASSIGNED;
        }
        Item item = items.get(planned.itemId());
        Task review = item.status() == ItemStatus.REGISTERED ? task(item, REVIEW) : null;
        if (item.status() == ItemStatus.REGISTERED && review == null
            || item.status() == ItemStatus.ACCEPTED && task(item, ASSIGNMENT) == null) {
          status.setRollbackOnly();
          return Outcome.NOT_READY;
        }
        complete(batch, groups, planned, item, review);
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

  /** 立案审查 (when still open), then 交办, as the clerk. */
  private void complete(BatchRecord batch, List<String> groups, Planned planned, Item item, Task review) {
    if (item.status() != ItemStatus.REGISTERED && item.status() != ItemStatus.ACCEPTED) {
      throw new FormValidationException("当前为“" + item.status().label(item.handlingRound()) + "”，不能再交办。");
    }
    if (review != null) {
      asClerk(batch, groups, () -> forms.submitTaskForm(review.getId(), Map.of("decision", "accept")));
    }
    // Created by the acceptance in the same transaction: no asynchronous step lies between.
    Task assignment = task(item, ASSIGNMENT);
    if (assignment == null) {
      throw new IllegalStateException("交办任务未生成");
    }
    asClerk(batch, groups, () -> forms.submitTaskForm(assignment.getId(), Map.of(
        "leadUnit", planned.leadUnitId(),
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(planned.coUnitIds())).create(),
        "keyItem", false)));
  }

  /** The chunk's open 立案审查 and 交办 tasks in one query, by process instance and task key. */
  private Map<String, Task> openTasks(List<Item> chunk) {
    String[] instances = chunk.stream().map(Item::processInstanceId).toArray(String[]::new);
    Map<String, Task> open = new HashMap<>();
    tasks.createTaskQuery().processInstanceIdIn(instances).taskDefinitionKeyIn(REVIEW, ASSIGNMENT).list()
        .forEach(task -> open.put(task.getProcessInstanceId() + task.getTaskDefinitionKey(), task));
    return open;
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
