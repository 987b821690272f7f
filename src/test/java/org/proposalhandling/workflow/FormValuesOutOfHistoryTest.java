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

/** The engine's history keeps the item's process, its tasks and process variables, but no form's values. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FormValuesOutOfHistoryTest {

  @Autowired ProcessEngine engine;

  @Test
  void tasksAndProcessVariablesAreInTheHistoryTheFormsValuesAreNot() {
    ItemDriver driver = new ItemDriver(engine);
    ProcessInstance instance = driver.atDrafting("H" + System.nanoTime(), "jl-mz");
    HistoryService history = engine.getHistoryService();

    // The form still shows its facts: they are the open task's variables.
    Task drafting = driver.task(instance, "Task_DraftReply");
    assertThat(engine.getTaskService().getVariablesLocal(drafting.getId())).isNotEmpty();

    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).finished().count())
        .as("finished tasks").isGreaterThanOrEqualTo(3);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).includeDeleted()
        .variableName("title").count()).as("the start form's process variable").isEqualTo(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).includeDeleted().list())
        .as("historic variables of a task").allSatisfy(variable -> assertThat(variable.getTaskId()).isNull());
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
        .as("history details of a task").allSatisfy(detail -> assertThat(detail.getTaskId()).isNull());
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count())
        .as("details of the process variables").isPositive();
  }
}
