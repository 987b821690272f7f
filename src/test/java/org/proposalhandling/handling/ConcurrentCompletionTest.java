package org.proposalhandling.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.Concurrently;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Units answering at the same moment never roll each other back: every co-handling opinion and contact
 * record submitted at once, on many items, is kept, and the items then all reach drafting.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ConcurrentCompletionTest {

  static final int ITEMS = 15;

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;
  @Autowired JdbcClient jdbc;

  @Test
  void opinionsAndContactsSubmittedAtOnceAllSucceed() throws Exception {
    ItemDriver driver = new ItemDriver(engine, outbox);
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      ProcessInstance instance = driver.register("C" + i + "-" + System.nanoTime());
      driver.accept(instance);
      driver.assign(instance, "jl-mz", "jl-cz", "jl-wjw");
      instances.add(instance);
    }
    List<Runnable> submissions = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list()) {
        Map<String, Object> form = task.getTaskDefinitionKey().equals("Task_ContactRecord")
            ? Map.of("contactedOn", "2023-03-01", "contactMeans", "PHONE", "contactSummary", "电话沟通。")
            : Map.of("opinion", "同意。");
        submissions.add(() -> engine.getFormService().submitTaskForm(task.getId(), form));
      }
    }
    assertThat(submissions).hasSize(ITEMS * 3);

    assertThat(Concurrently.runAtOnce(submissions, 12)).as("submissions rolled back").isEmpty();
    int opinions = jdbc.sql("select count(*) from co_handling_opinion where item_id in (:ids)")
        .param("ids", instances.stream().map(ProcessInstance::getBusinessKey).toList()).query(Integer.class).single();
    assertThat(opinions).isEqualTo(ITEMS * 2);
    for (ProcessInstance instance : instances) {
      driver.executeJobs(instance);
      assertThat(driver.task(instance, "Task_DraftReply")).isNotNull();
    }
  }
}
