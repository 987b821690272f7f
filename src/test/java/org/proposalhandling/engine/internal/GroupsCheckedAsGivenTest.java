package org.proposalhandling.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine's authorization checks use the user's groups as given, without reading every group's id first. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class GroupsCheckedAsGivenTest {

  @Autowired ProcessEngine engine;

  @Test
  void theEnginesChecksTakeTheUsersGroupsWithoutReadingTheAuthorizationTable() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> filtered = configuration.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager manager = context.getAuthorizationManager();
      assertThat(manager).isInstanceOf(GroupsCheckedAsGiven.Manager.class);
      return manager.filterAuthenticatedGroupIds(List.of("jl-mz", "jl-mz-handler", "no-such-group", "jl-mz"));
    });
    // The engine's own manager would have dropped the group that holds no authorization, after a scan of them all.
    assertThat(filtered).containsExactly("jl-mz", "jl-mz-handler", "no-such-group");
  }
}
