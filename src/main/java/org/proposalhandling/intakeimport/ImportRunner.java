package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalhandling.workflow.SystemActions;
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
 * Starts the rows of a running import in the background, one process instance per row, by the same start as
 * the clerk's form (the intake form's values; the office named in "assigningOffice", as the system). Rows go in
 * chunks, side by side on {@link ChunkWorkers}, each chunk one transaction: a row is marked started in the
 * transaction that starts its process, so a crash leaves every row either started with its item or still
 * pending. A chunk that fails is retried row by row, so that one refused row fails alone, with its reason.
 * Imports still running at start-up are resumed.
 */
@Component
class ImportRunner implements DisposableBean {

  static final String PROCESS_KEY = "proposal-handling";
  static final String OFFICE_VARIABLE = "assigningOffice";
  private static final int CHUNK = 25;
  /** The pending rows read at a time, shared out as chunks among the workers. */
  private static final int WINDOW = 500;
  private static final Logger LOG = LoggerFactory.getLogger(ImportRunner.class);

  private final ImportStore store;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final SystemActions system;
  private final TransactionTemplate transaction;
  private final ChunkWorkers workers;
  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

  ImportRunner(ImportStore store, RuntimeService runtime, RepositoryService repository, SystemActions system,
               TransactionTemplate transaction, ChunkWorkers workers) {
    this.store = store;
    this.runtime = runtime;
    this.repository = repository;
    this.system = system;
    this.transaction = transaction;
    this.workers = workers;
    // Its own single coordinator, not the application's executor: imports queue behind each other; their
    // chunks run on the bounded workers.
    executor.setCorePoolSize(1);
    executor.setThreadNamePrefix("intake-import-");
    executor.initialize();
  }

  /** Runs the import once the caller's transaction, which set it running, has committed. */
  void submitAfterCommit(String importId) {
    AfterCommit.run(() -> submit(importId));
  }

  private void submit(String importId) {
    executor.execute(() -> {
      try {
        run(importId);
      } catch (RuntimeException e) {
        LOG.error("导入 {} 中断，下次启动时继续", importId, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @EventListener(ApplicationReadyEvent.class)
  void resume() {
    for (String importId : store.running()) {
      LOG.info("继续未完成的导入 {}", importId);
      submit(importId);
    }
  }

  private void run(String importId) throws InterruptedException {
    String officeId = store.find(importId).orElseThrow().officeId();
    List<ImportStore.StoredRow> window;
    while (!(window = store.pending(importId, WINDOW)).isEmpty()) {
      // Resolved once a window rather than by key at every start (a query each): the same definition the
      // start form starts, the latest deployed.
      String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion()
          .singleResult().getId();
      List<List<ImportStore.StoredRow>> chunks = new ArrayList<>();
      for (int from = 0; from < window.size(); from += CHUNK) {
        chunks.add(window.subList(from, Math.min(window.size(), from + CHUNK)));
      }
      if (workers.each(chunks, chunk -> startChunk(importId, officeId, definitionId, chunk)).contains(false)) {
        return;
      }
    }
    store.finish(importId);
  }

  /** False when a failure could not be recorded: the import stops and resumes at the next start. */
  private boolean startChunk(String importId, String officeId, String definitionId, List<ImportStore.StoredRow> rows) {
    try {
      transaction.executeWithoutResult(status -> rows.forEach(row -> start(importId, officeId, definitionId, row)));
      return true;
    } catch (RuntimeException chunkFailed) {
      for (ImportStore.StoredRow row : rows) {
        if (!startAlone(importId, officeId, definitionId, row)) {
          return false;
        }
      }
      return true;
    }
  }

  /** False when even the failure could not be recorded: the import stops here and resumes at the next start. */
  private boolean startAlone(String importId, String officeId, String definitionId, ImportStore.StoredRow row) {
    try {
      transaction.executeWithoutResult(status -> start(importId, officeId, definitionId, row));
      return true;
    } catch (RuntimeException e) {
      FormValidationException refused = FormValidationException.findIn(e);
      String message = refused != null ? refused.getMessage() : "启动办理流程失败：" + e.getMessage();
      LOG.warn("导入 {} 第 {} 行未能启动：{}", importId, row.line(), message);
      try {
        transaction.executeWithoutResult(status -> store.failed(importId, row.line(), message));
        return true;
      } catch (RuntimeException recording) {
        LOG.error("导入 {} 第 {} 行的失败无法记录，导入暂停，下次启动时继续", importId, row.line(), recording);
        return false;
      }
    }
  }

  private void start(String importId, String officeId, String definitionId, ImportStore.StoredRow row) {
    if (!store.claim(importId, row.line())) {
      return;
    }
    Map<String, Object> variables = new HashMap<>(row.values());
    variables.put(OFFICE_VARIABLE, officeId);
    ProcessInstance instance = system.run(() -> runtime.startProcessInstanceById(definitionId, variables));
    store.started(importId, row.line(), instance.getBusinessKey());
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
