package org.proposalhandling.engine.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Who reads a task's history is decided once per process instance, not once per task. With historic instance
 * permissions on, the engine's default provider adds a HISTORIC_TASK grant for every candidate group and
 * assignee of every task, and keeps it after the task ends: about 8 of the 11.5 authorization rows a closed
 * item left behind (docs/benchmarks.md), rows every authorization check and every Tasklist query scans. They
 * grant nothing the instance grant does not: a unit's groups and the office's clerks read the instance's
 * history, its tasks among them, through directory.ProcessAccess's HISTORIC_PROCESS_INSTANCE grant, which is
 * also what a unit loses when it no longer works on the item. The runtime grants (TASK, for working a task)
 * stay as the default provider makes them. The engine has one provider: it also keeps a task's assignee the
 * user's own choice ({@link OwnClaimsOnly}).
 */
@Component
class HistoryReadByInstance extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskGrantsWithoutHistory());
  }

  static final class TaskGrantsWithoutHistory extends OwnClaimsOnly {

    /** Read by the default provider only to decide whether to add a task's HISTORIC_TASK grants. */
    @Override
    protected boolean isHistoricInstancePermissionsEnabled() {
      return false;
    }
  }
}
