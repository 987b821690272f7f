package org.proposalhandling.item;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One item driven through its whole life over HTTP by the users of the different units and roles, each
 * seeing only the tasks of his unit and role. The assigning office (jlgov-clerk) reads every task of its
 * items but works only on its own.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EngineRestCycleTest {

  static final List<String> USERS = List.of("jlmz-handler", "jlmz-head", "jlmz-official",
      "jlcz-handler", "jlwjw-handler", "czgov-clerk", "czmz-handler");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;

  EngineRestClient as(String user) {
    return new EngineRestClient(port, user, "demo");
  }

  @Test
  void anItemGoesFromIntakeToClosedAndEachUserSeesOnlyHisTasks() {
    Response started = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form",
        EngineRestClient.variables(intake("H1")));
    assertThat(started.status()).isEqualTo(200);
    String itemId = started.body().get("businessKey").asText();
    assertThat(items.get(itemId).assigningOfficeId()).isEqualTo("jl-gov");

    complete(itemId, "jlgov-clerk", "Task_AcceptanceReview", Map.of("decision", "accept"));
    complete(itemId, "jlgov-clerk", "Task_Assignment", Map.of("leadUnit", "jl-mz",
        "coHandlingUnits", Map.of("value", "[\"jl-cz\"]", "type", "Json"), "keyItem", false));
    runJobs(itemId);
    assertThat(visibleTaskKeys(itemId, "jlcz-handler")).containsExactly("Task_CoHandlingOpinion");
    assertThat(visibleTaskKeys(itemId, "jlmz-handler")).containsExactly("Task_ContactRecord");
    assertOnlyTheseSeeTasks(itemId, "jlcz-handler", "jlmz-handler");

    complete(itemId, "jlcz-handler", "Task_CoHandlingOpinion", Map.of("opinion", "财政厅支持。"));
    complete(itemId, "jlmz-handler", "Task_ContactRecord", Map.of("contactedOn", "2023-03-01",
        "contactMeans", "PHONE", "contactSummary", "电话沟通。"));
    new ItemDriver(engine, outbox).executeJobs(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(itemId).singleResult());

    complete(itemId, "jlmz-handler", "Task_DraftReply", Map.of("replyText", "答复正文", "category", "A",
        "disclosure", "PUBLIC", "handlerName", "李静", "handlerPhone", "0431-88900001"));
    complete(itemId, "jlmz-head", "Task_ReviewReply", Map.of("decision", "approve", "comment", ""));
    complete(itemId, "jlmz-official", "Task_SignOff", Map.of("decision", "approve", "comment", ""));
    new ItemDriver(engine, outbox).executeJobs(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(itemId).singleResult());
    complete(itemId, "jlgov-clerk", "Task_Feedback", Map.of("satisfaction", "SATISFIED"));
    runJobs(itemId);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(itemId).count()).isZero();
    assertThat(items.get(itemId).status().label()).isEqualTo("已办结");
  }

  @Test
  void aStartFormWithoutTitleIsRefusedInChineseAndCreatesNothing() {
    Map<String, Object> form = intake("H2");
    form.remove("title");
    Response refused = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(form));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).isEqualTo("请填写「标题」。");
    assertThat(items.findBySessionAndNumber("省政协十三届一次会议", "H2")).isEmpty();
  }

  @Test
  void aStartFormWithAnUnknownUnitOrADuplicateNumberIsRefused() {
    Map<String, Object> form = intake("H3");
    form.put("proposedLeadUnit", "火星民政厅");
    Response unknown = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(form));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("message").asText()).contains("“火星民政厅”不是吉林省人民政府办公厅交办范围内的承办单位");

    form.remove("proposedLeadUnit");
    assertThat(as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(form)).status())
        .isEqualTo(200);
    Response duplicate = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(form));
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.body().get("message").asText()).contains("已登记编号为 H3");
  }

  @Test
  void aRefusedTaskFormAnswers400InChinese() {
    String itemId = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form",
        EngineRestClient.variables(intake("H5"))).body().get("businessKey").asText();
    runJobs(itemId);
    String taskId = as("jlgov-clerk").get("/task?processInstanceBusinessKey=" + itemId).body().get(0).get("id").asText();
    Response refused = as("jlgov-clerk").post("/task/" + taskId + "/submit-form",
        EngineRestClient.variables(Map.of("decision", "reject", "rejectionReason", "")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).isEqualTo("不予立案时须填写理由，理由将告知提出人。");
  }

  @Test
  void aHandlerCannotStartItemsAndAnonymousCallsAreRejected() {
    Response handler = as("jlmz-handler").post("/process-definition/key/proposal-handling/submit-form",
        EngineRestClient.variables(intake("H4")));
    assertThat(handler.status()).isIn(403, 400);
    assertThat(new EngineRestClient(port, null, null).get("/task").status()).isEqualTo(401);
  }

  private static Map<String, Object> intake(String number) {
    Map<String, Object> form = new HashMap<>(ItemDriver.intake(number));
    form.remove("assigningOffice");
    return form;
  }

  /** Runs the item's due jobs first, as the job executor would between two users' steps. */
  private void complete(String itemId, String user, String taskKey, Map<String, Object> form) {
    runJobs(itemId);
    Response tasks = as(user).get("/task?processInstanceBusinessKey=" + itemId + "&taskDefinitionKey=" + taskKey);
    assertThat(tasks.body()).as(user + " sees " + taskKey).hasSize(1);
    assertThat(visibleTaskKeys(itemId, "jlgov-clerk")).as("the assigning office follows " + taskKey).contains(taskKey);
    for (String other : USERS) {
      if (!other.equals(user)) {
        assertThat(visibleTaskKeys(itemId, other)).as(other + " must not see " + taskKey).doesNotContain(taskKey);
      }
    }
    Response done = as(user).post("/task/" + tasks.body().get(0).get("id").asText() + "/submit-form", EngineRestClient.variables(form));
    assertThat(done.status()).as(user + " completes " + taskKey + ": " + done.body()).isEqualTo(204);
  }

  private void runJobs(String itemId) {
    new ItemDriver(engine, outbox).executeJobs(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(itemId).singleResult());
  }

  private List<String> visibleTaskKeys(String itemId, String user) {
    JsonNode tasks = as(user).get("/task?processInstanceBusinessKey=" + itemId).body();
    return StreamSupport.stream(tasks.spliterator(), false).map(task -> task.get("taskDefinitionKey").asText()).toList();
  }

  private void assertOnlyTheseSeeTasks(String itemId, String... allowed) {
    for (String user : USERS) {
      if (!List.of(allowed).contains(user)) {
        assertThat(visibleTaskKeys(itemId, user)).as(user + " must see no task of this item").isEmpty();
      }
    }
  }
}
