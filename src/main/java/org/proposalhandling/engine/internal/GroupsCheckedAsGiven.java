package org.proposalhandling.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks take the user's groups as they are. Before every command that checks authorizations,
 * the engine's manager reads the ids of all groups holding any authorization ({@code select distinct GROUP_ID_
 * from ACT_RU_AUTHORIZATION}) to drop the user's groups that hold none: a scan of the whole table, which grows
 * with every item (a national session leaves hundreds of thousands of rows), for a filter that changes no
 * answer, since a group without authorizations matches no row of the check either. A user is in two or three
 * groups here (the unit, its role), so the check's list stays short without it.
 */
@Component
class GroupsCheckedAsGiven extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(new Factory());
    configuration.setCustomSessionFactories(factories);
  }

  /** Replaces the engine's factory of {@link AuthorizationManager} sessions. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  }

  static final class Manager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
