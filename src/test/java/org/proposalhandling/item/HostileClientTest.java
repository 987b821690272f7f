package org.proposalhandling.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.EngineRestClient;
import org.proposalhandling.EngineRestClient.Response;
import org.proposalhandling.ItemDriver;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a logged-in client can send through engine REST must change nothing it should not: a variable the
 * process might route on, an edit of its task, a unit outside the office's jurisdiction; and a unit that gave
 * an item back reads nothing of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class HostileClientTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ItemRepository items;
  @Autowired DeadlineRequests requests;
  @Autowired JdbcClient jdbc;
  ItemDriver driver;
  ProcessInstance instance;

  @BeforeEach
  void anItemLedByCivilAffairsWithFinanceCoHandling() {
    driver = new ItemDriver(engine);
    instance = driver.register("H" + System.nanoTime());
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
  }

  @Test
  void aCoHandlerSendingAVariableBesideItsOpinionIsRefusedAndRoutesNothing() {
    Task opinion = coHandlingTask("jl-cz");
    EngineRestClient finance = new EngineRestClient(port, "jlcz-handler", "demo");

    Response refused = finance.post("/task/" + opinion.getId() + "/submit-form",
        EngineRestClient.variables(Map.of("opinion", "同意。", "leadUnit", "jl-cz")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("message").asText()).contains("表单以外的字段").contains("leadUnit");
    // The engine refuses it too, whoever calls it: the Java API here.
    Map<String, Object> hostile = new HashMap<>(Map.of("opinion", "同意。", "leadUnit", "jl-cz"));
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(opinion.getId(), hostile))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).isNotNull());
    assertThat(opinions()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(opinion.getId()).count()).isEqualTo(1);

    Response accepted = finance.post("/task/" + opinion.getId() + "/submit-form", EngineRestClient.variables(Map.of("opinion", "同意。")));
    assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(204);
    driver.recordContact(instance);
    driver.executeJobs(instance);

    assertThat(items.get(instance.getBusinessKey()).leadUnitId()).isEqualTo("jl-mz");
    Task draft = driver.task(instance, "Task_DraftReply");
    assertThat(engine.getTaskService().getIdentityLinksForTask(draft.getId()))
        .extracting(link -> link.getGroupId()).containsExactly("jl-mz-handler");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).isEmpty();
  }

  @Test
  void aCandidateWorksItsTaskButCannotEditItOrSetVariables() {
    Task contact = driver.task(instance, "Task_ContactRecord");
    EngineRestClient handler = new EngineRestClient(port, "jlmz-handler", "demo");
    String task = "/task/" + contact.getId();

    Map<String, Object> edit = new HashMap<>();
    edit.put("name", "改名");
    edit.put("due", "2031-01-01T00:00:00.000+0800");
    edit.put("priority", 99);
    assertThat(handler.put(task, edit).status()).isEqualTo(403);
    assertThat(handler.post(task + "/claim", Map.of("userId", "jlmz-handler")).status()).isEqualTo(204);
    assertThat(handler.post(task + "/assignee", Map.of("userId", "jlcz-handler")).status()).isEqualTo(403);
    assertThat(handler.post(task + "/delegate", Map.of("userId", "jlcz-handler")).status()).isEqualTo(403);
    assertThat(handler.post(task + "/variables", Map.of("modifications", Map.of("leadUnit", Map.of("value", "jl-cz"))))
        .status()).isEqualTo(403);
    assertThat(handler.put(task + "/localVariables/leadUnit", Map.of("value", "jl-cz")).status()).isEqualTo(403);
    assertThat(handler.put("/process-instance/" + instance.getId() + "/variables/leadUnit", Map.of("value", "jl-cz"))
        .status()).isIn(403, 404);

    Task after = engine.getTaskService().createTaskQuery().taskId(contact.getId()).singleResult();
    assertThat(after.getDueDate()).isEqualTo(contact.getDueDate());
    assertThat(after.getName()).isEqualTo(contact.getName());
    assertThat(after.getAssignee()).isEqualTo("jlmz-handler");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).isEmpty();
  }

  @Test
  void afterAnApprovedReassignmentTheUnitsThatHadTheItemReadNothingOfIt() {
    driver.giveOpinion(instance, "jl-cz", "本单位无意见。");
    driver.executeJobs(instance);
    EngineRestClient civilAffairs = new EngineRestClient(port, "jlmz-handler", "demo");
    EngineRestClient finance = new EngineRestClient(port, "jlcz-handler", "demo");
    String key = instance.getBusinessKey();
    assertThat(civilAffairs.get("/history/process-instance?processInstanceBusinessKey=" + key).body()).hasSize(1);
    assertThat(finance.get("/history/task?processInstanceBusinessKey=" + key).body()).isNotEmpty();

    requests.requestReassignment(new Authentication("jlmz-handler", List.of("jl-mz", "jl-mz-handler")), key, "不属于本单位职责。");
    driver.complete(instance, "Task_DecideReassignment", Map.of("decision", "approve"));
    assertThat(items.get(key).status()).isEqualTo(ItemStatus.ACCEPTED);

    String id = instance.getId();
    for (EngineRestClient former : List.of(civilAffairs, finance)) {
      for (String query : List.of("/task?processInstanceBusinessKey=" + key, "/process-instance?businessKey=" + key,
          "/history/process-instance?processInstanceBusinessKey=" + key, "/history/task?processInstanceBusinessKey=" + key,
          "/history/activity-instance?processInstanceId=" + id, "/variable-instance?processInstanceIdIn=" + id,
          "/history/variable-instance?processInstanceId=" + id, "/history/detail?processInstanceId=" + id)) {
        Response response = former.get(query);
        assertThat(response.status()).as(query).isEqualTo(200);
        assertThat(response.body()).as(query).isEmpty();
      }
      assertThat(former.get("/history/process-instance/" + id).status()).isIn(403, 404);
    }
    // The office still reads it all.
    assertThat(new EngineRestClient(port, "jlgov-clerk", "demo").get("/history/task?processInstanceBusinessKey=" + key).body())
        .isNotEmpty();
  }

  @Test
  void theOfficeAssignsOnlyToUnitsOfItsJurisdiction() {
    ProcessInstance other = driver.register("J" + System.nanoTime());
    driver.accept(other);
    Task assignment = driver.task(other, "Task_Assignment");
    Map<String, Object> form = new HashMap<>();
    form.put("leadUnit", "cz-mz");
    form.put("keyItem", false);
    form.put("coHandlingUnits", Map.of("value", "[]", "type", "Json"));
    Response refused = new EngineRestClient(port, "jlgov-clerk", "demo").post("/task/" + assignment.getId() + "/submit-form",
        EngineRestClient.variables(form));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("message").asText()).contains("长治市民政局").contains("交办范围");
    assertThat(items.get(other.getBusinessKey()).status()).isEqualTo(ItemStatus.ACCEPTED);
    assertThat(items.get(other.getBusinessKey()).leadUnitId()).isNull();
  }

  @Test
  void aStartCarryingMoreThanTheIntakeFormIsRefused() {
    EngineRestClient clerk = new EngineRestClient(port, "jlgov-clerk", "demo");
    String number = "S" + System.nanoTime();
    for (String extra : List.of("leadUnit", "assigningOffice")) {
      Map<String, Object> form = new HashMap<>(ItemDriver.intake(number));
      form.remove("assigningOffice");
      form.put(extra, "cz-gov");
      Response refused = clerk.post("/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(form));
      assertThat(refused.status()).as(extra).isEqualTo(400);
      assertThat(refused.body().path("message").asText()).contains(extra);
    }
    assertThat(items.findBySessionAndNumber("省政协十三届一次会议", number)).isEmpty();
    Map<String, Object> form = new HashMap<>(ItemDriver.intake(number));
    form.remove("assigningOffice");
    assertThat(clerk.post("/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(form)).status())
        .isEqualTo(200);
    assertThat(items.findBySessionAndNumber("省政协十三届一次会议", number).orElseThrow().assigningOfficeId()).isEqualTo("jl-gov");
  }

  private Task coHandlingTask(String unit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_CoHandlingOpinion").taskCandidateGroup(unit + "-handler").singleResult();
  }

  private int opinions() {
    return jdbc.sql("select count(*) from co_handling_opinion where item_id = ?").param(instance.getBusinessKey())
        .query(Integer.class).single();
  }
}
