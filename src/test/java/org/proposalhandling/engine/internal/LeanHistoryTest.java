package org.proposalhandling.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's history keeps the item's process and its tasks, but no value (neither a form's nor a variable's)
 * and of the job log the failures only.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LeanHistoryTest {

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;

  @Test
  void tasksAreInTheHistoryTheValuesAndTheJobsThatWentWellAreNot() {
    ItemDriver driver = new ItemDriver(engine, outbox);
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
    // The way to drafting runs asynchronous steps (registration, assignment's grants and mails): they went well.
    assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).count()).as("job log").isZero();
  }

  @Test
  void aFailedJobIsLoggedItsCreationSuccessAndDeletionAreNot() {
    List<HistoryEvent> written = new ArrayList<>();
    HistoryEventHandler database = new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        written.add(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        written.addAll(events);
      }
    };
    LeanHistory.Filtered filtered = new LeanHistory.Filtered(database, false);
    List<HistoryEvent> events = new ArrayList<>();
    for (JobState state : List.of(JobState.CREATED, JobState.FAILED, JobState.SUCCESSFUL, JobState.DELETED)) {
      HistoricJobLogEvent jobLog = new HistoricJobLogEvent();
      jobLog.setState(state.getStateCode());
      events.add(jobLog);
    }
    HistoryEvent instance = new HistoricProcessInstanceEventEntity();
    events.add(instance);
    events.add(new HistoricVariableUpdateEventEntity());

    filtered.handleEvents(events);

    assertThat(written).containsExactly(events.get(1), instance);
  }
}
