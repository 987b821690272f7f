package org.proposalhandling.engine.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.ExternalTaskState;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The engine's history at level full, without what the app's tables keep better or what tells nothing: most of
 * what an item left in the history at first (about 115 historic variables and 173 history details a closed
 * item; then, with the tasks' values already left out, 70 KB per closed item on H2 of which 21 KB values and
 * 17 KB job log, docs/benchmarks.md).
 * <ul>
 *   <li>No value: no historic variable and no history detail. The values an item's process sees are copies or
 *   bookkeeping: the start form's fields, which the registration stores in the app's tables and removes from the
 *   process; every task form's fields, task-local variables copied from the app's tables when the task is
 *   created or submitted by the user and stored by the form's listener; the multi-instance counters.</li>
 *   <li>Of the job log, the failures only (with their stack traces): a job's creation, success and deletion are
 *   three rows for every asynchronous step and timer. The same of the external task log: a mail's task (sent by
 *   the app's mail threads) left two rows, its creation and its success, and its delivery is in the outbox's own
 *   rows.</li>
 * </ul>
 * The rest stays as level full writes it: instances, activities, tasks, identity links, incidents and the user
 * operation log (who did what through the engine's API).
 */
@Component
@EnableConfigurationProperties(HistoryProperties.class)
class LeanHistory extends AbstractProcessEnginePlugin {

  private final boolean wholeJobLog;

  LeanHistory(HistoryProperties properties) {
    this.wholeJobLog = properties.wholeJobLog();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The database handler is replaced by the filtered one; other plugins' handlers (added to this list too) stay.
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Filtered(new DbHistoryEventHandler(), wholeJobLog));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Hands the database handler every history event that is kept. */
  record Filtered(HistoryEventHandler database, boolean wholeJobLog) implements HistoryEventHandler {

    boolean kept(HistoryEvent event) {
      // A variable's or a form field's event: the handler writes both the historic variable and its details from it.
      if (event instanceof HistoricDetailEventEntity) {
        return false;
      }
      if (wholeJobLog) {
        return true;
      }
      if (event instanceof HistoricJobLogEvent jobLog) {
        return jobLog.getState() == JobState.FAILED.getStateCode();
      }
      if (event instanceof HistoricExternalTaskLogEntity taskLog) {
        return taskLog.getState() == ExternalTaskState.FAILED.getStateCode();
      }
      return true;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (kept(event)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
