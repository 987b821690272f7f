package org.proposalhandling.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalhandling.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine's history keeps the item's process and its tasks, but no value: neither a form's nor a variable's. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ValuesOutOfHistoryTest {

  @Autowired ProcessEngine engine;

  @Test
  void tasksAreInTheHistoryTheValuesAreNot() {
    ItemDriver driver = new ItemDriver(engine);
    ProcessInstance instance = driver.atDrafting("H" + System.nanoTime(), "jl-mz");
    HistoryService history = engine.getHistoryService();

    // The form still shows its facts: they are the open task's variables.
    Task drafting = driver.task(instance, "Task_DraftReply");
    assertThat(engine.getTaskService().getVariablesLocal(drafting.getId())).isNotEmpty();

    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count())
        .as("finished tasks").isGreaterThanOrEqualTo(3);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count())
        .as("activities").isGreaterThanOrEqualTo(5);
    // The start form's fields (the item's title and text among them) are the item's, in the app's tables.
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).includeDeleted().count())
        .as("historic variables").isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count())
        .as("history details").isZero();
  }
}
