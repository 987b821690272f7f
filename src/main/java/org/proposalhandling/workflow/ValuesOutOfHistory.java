package org.proposalhandling.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history at level full, without values: no historic variable and no history detail is written.
 * The values an item's process sees are copies or bookkeeping: the start form's fields, which the registration
 * stores in the app's tables and removes from the process; every task form's fields, task-local variables
 * copied from the app's tables when the task is created or submitted by the user and stored by the form's
 * listener; the multi-instance counters. Written to the history they were most of what an item left there
 * (about 115 historic variables and 173 history details a closed item at first; with the task values left out,
 * still 86 KB of the 210 KB an assigned item took on MariaDB, the start form's item text kept three times,
 * docs/benchmarks.md), and told nothing the app's tables and its item history do not keep. The rest of the
 * history stays as level full writes it: instances, activities, tasks, identity links, incidents, jobs and the
 * user operation log (who did what through the engine's API).
 */
@Component
class ValuesOutOfHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The database handler is replaced by the filtered one; other plugins' handlers (added to this list too) stay.
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new WithoutValues(new DbHistoryEventHandler()));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /**
   * Hands every history event to the database handler but a variable's or a form field's (the events from which
   * the handler writes both the historic variable and its details).
   */
  record WithoutValues(HistoryEventHandler database) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricDetailEventEntity)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
