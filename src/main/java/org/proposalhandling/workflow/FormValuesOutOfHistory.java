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
 * The engine's history at level full, without the values of the tasks' forms. Every form field lives on its
 * task as a task-local variable (see {@link FormTaskListener}): the facts a form shows, copied from the app's
 * tables when the task is created, and what the user submits, which the form's listener stores in the app's
 * tables. Written to the history as well, they were most of what an item left there (about 115 historic
 * variables and 173 history details a closed item, docs/benchmarks.md) and told nothing the app's tables and
 * its item history do not keep: the variables and details of a task (those with a task id) are not written.
 * The rest of the history stays as level full writes it: instances, activities, tasks, the process
 * variables, incidents, jobs and the user operation log (who did what through the engine's API).
 */
@Component
class FormValuesOutOfHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The database handler is replaced by the filtered one; other plugins' handlers (added to this list too) stay.
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new WithoutTaskValues(new DbHistoryEventHandler()));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Hands every history event to the database handler but a task's variable or form value. */
  record WithoutTaskValues(HistoryEventHandler database) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricDetailEventEntity detail && detail.getTaskId() != null)) {
        database.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
