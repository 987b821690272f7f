package org.proposalhandling.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.impl.ExecutionQueryImpl;
import org.camunda.bpm.engine.impl.QueryVariableValue;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * An execution query's condition on a variable's own value ({@code /execution?variables=…}) matches every
 * execution's variables, a task's among them, while reading the executions needs only READ on the instance,
 * not the variable permissions a read of the values needs: a co-handling unit found the lead unit's 沟通联系
 * task by the proposer's phone number, and could so guess it. Only the system and administrators query
 * executions by such conditions; conditions on the instance's own variables ({@code processVariables}) stay,
 * they match no task's. Checked on the query itself, before it runs, whichever API sent it.
 */
@Component
class NoVariableProbes extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Queries run on the executor that requires a transaction.
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Refusal(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Refusal extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    Refusal(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof ExecutionQueryImpl query && query.getQueryVariableValues().stream().anyMatch(QueryVariableValue::isLocal)
          && !systemOrAdministrator(configuration.getIdentityService().getCurrentAuthentication())) {
        throw new FormValidationException("不能按变量的值查询执行实例（variables）。请按办件（业务键）或流程实例查询。");
      }
      return next.execute(command);
    }

    private boolean systemOrAdministrator(Authentication user) {
      if (user == null || user.getUserId() == null) {
        return true;
      }
      Collection<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
      return contains(configuration.getAdminUsers(), user.getUserId())
          || groups.stream().anyMatch(group -> contains(configuration.getAdminGroups(), group));
    }

    private static boolean contains(List<String> ids, String id) {
      return ids != null && ids.contains(id);
    }
  }
}
