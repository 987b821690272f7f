package org.proposalhandling.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ExecutionQueryImpl;
import org.camunda.bpm.engine.impl.QueryVariableValue;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricExternalTaskLogEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.incident.CompositeIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The engine patches (docs/architecture.md, "Engine patches") rely on engine internals that a Camunda upgrade may
 * change without breaking the build: a method the engine stops calling, a protected hook it drops, a plugin list
 * it stops reading. Fails on such an upgrade, so that each patch is checked again against the new engine.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EnginePatchesTest {

  /** The engine every patch was read against; a new one means reading them again (docs/architecture.md). */
  private static final String CHECKED_ENGINE_VERSION = "7.24.0";

  @Autowired ProcessEngine engine;

  @Autowired ResourceConfig jersey;

  @Autowired List<FilterRegistrationBean<?>> filters;

  @Test
  void theEngineIsTheVersionThePatchesWereCheckedAgainst() {
    assertThat(ProcessEngine.class.getPackage().getImplementationVersion()).isEqualTo(CHECKED_ENGINE_VERSION);
  }

  @Test
  void theEngineStillHasTheMethodsThePatchesOverrideOrCall() {
    hasMethod(AuthorizationManager.class, List.class, "filterAuthenticatedGroupIds", List.class);
    hasMethod(DefaultAuthorizationProvider.class, AuthorizationEntity[].class, "newTaskAssignee", Task.class, String.class, String.class);
    hasMethod(DefaultAuthorizationProvider.class, boolean.class, "isHistoricInstancePermissionsEnabled");
    hasMethod(ExecutionQueryImpl.class, List.class, "getQueryVariableValues");
    hasMethod(QueryVariableValue.class, boolean.class, "isLocal");
    hasMethod(HistoricJobLogEvent.class, int.class, "getState");
    hasMethod(HistoricExternalTaskLogEntity.class, int.class, "getState");
    hasMethod(ExceptionHandlerHelper.class, jakarta.ws.rs.core.Response.class, "getResponse", Throwable.class);
  }

  @Test
  void everyPatchIsInstalledInTheRunningEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getResourceAuthorizationProvider()).as("HistoryReadByInstance, OwnClaimsOnly")
        .isInstanceOf(HistoryReadByInstance.TaskGrantsWithoutHistory.class);
    AuthorizationManager manager = configuration.getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager());
    assertThat(manager).as("GroupsCheckedAsGiven").isInstanceOf(GroupsCheckedAsGiven.Manager.class);
    assertThat(configuration.getCommandInterceptorsTxRequired()).as("NoVariableProbes")
        .anyMatch(NoVariableProbes.Refusal.class::isInstance);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).as("LeanHistory replaces the database handler").isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers()).as("LeanHistory").anyMatch(LeanHistory.Filtered.class::isInstance);

    for (String type : List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE)) {
      assertThat(configuration.getIncidentHandler(type)).as(type).isInstanceOf(CompositeIncidentHandler.class);
      Collection<?> beside = (Collection<?>) ReflectionTestUtils.getField(configuration.getIncidentHandler(type), "incidentHandlers");
      assertThat(beside).as("delivery.DeliveryEnginePlugin's %s handler", type)
          .anyMatch(handler -> handler instanceof IncidentHandler
              && handler.getClass().getName().startsWith("org.proposalhandling.delivery.DeliveryEnginePlugin$"));
    }

    assertThat(jersey.getInstances()).as("EngineRestErrorMappers").anyMatch(ClientErrorMapper.ForProcessEngineException.class::isInstance)
        .anyMatch(ClientErrorMapper.ForRestException.class::isInstance).anyMatch(ClientErrorMapper.ForAnyOther.class::isInstance);
    assertThat(filters).as("WebappRefusals").anyMatch(filter -> "webapp-refusals".equals(filter.getFilterName()));
  }

  private static void hasMethod(Class<?> type, Class<?> returns, String name, Class<?>... parameters) {
    Method method = ReflectionUtils.findMethod(type, name, parameters);
    assertThat(method).as("%s.%s%s", type.getSimpleName(), name, List.of(parameters)).isNotNull();
    assertThat(method.getReturnType()).as("%s.%s returns", type.getSimpleName(), name).isEqualTo(returns);
  }
}
