package org.proposalhandling.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a logged-in client can send through engine REST must change nothing it should not: a variable the
 * process might route on, an edit of its task, a unit outside the office's jurisdiction; and a unit that gave
 * an item back reads nothing of it.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class HostileClientTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired DeadlineRequests requests;
  @Autowired JdbcClient jdbc;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;
  ItemDriver driver;
  ProcessInstance instance;

  @BeforeEach
  void anItemLedByCivilAffairsWithFinanceCoHandling() {
    driver = new ItemDriver(engine, outbox);
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
  void aCandidateClaimsATaskOnlyForHimselfAndReleasesOnlyHisOwn() {
    Task opinion = coHandlingTask("jl-cz");
    String task = "/task/" + opinion.getId();
    EngineRestClient finance = new EngineRestClient(port, "jlcz-handler", "demo");
    // Another office's handler, the lead unit's, a user who does not exist.
    for (String other : List.of("czmz-handler", "jlmz-handler", "nobody-" + System.nanoTime())) {
      Response refused = finance.post(task + "/claim", Map.of("userId", other));
      assertThat(refused.status()).as(other).isEqualTo(400);
      assertThat(refused.body().path("message").asText()).as(other).contains("只能为本人签收任务").contains(other);
      assertThat(assigneeOf(opinion)).as(other).isNull();
    }
    WebSession tasklist = new WebSession(port);
    tasklist.login("jlcz-handler", "demo");
    HttpResponse<String> inTasklist = tasklist.webappEngineApi("POST", task + "/claim", "{\"userId\":\"jlmz-handler\"}");
    assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(400);
    assertThat(inTasklist.body()).contains("只能为本人签收任务");
    assertThat(assigneeOf(opinion)).isNull();

    assertThat(finance.post(task + "/claim", Map.of("userId", "jlcz-handler")).status()).isEqualTo(204);
    // A colleague of the same unit and role works the task too, but neither releases nor takes his claim.
    EngineRestClient colleague = colleagueOf("jl-cz-handler");
    // The REST API's unclaim needs TASK_ASSIGN, which no candidate has; the engine's own (a claim for nobody) is his.
    assertThat(colleague.post(task + "/unclaim", Map.of()).status()).isEqualTo(403);
    assertThatThrownBy(() -> asUser("jlcz-colleague", "jl-cz-handler", () -> engine.getTaskService().claim(opinion.getId(), null)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("只能退回本人签收的任务");
    Response taken = colleague.post(task + "/claim", Map.of("userId", "jlcz-colleague"));
    assertThat(taken.status()).as(String.valueOf(taken.body())).isEqualTo(409);
    assertThat(taken.body().path("message").asText()).contains("已被他人签收");
    // Nor hands it over, or to himself, any other way.
    assertThat(colleague.post(task + "/identity-links", Map.of("userId", "czmz-handler", "type", "candidate")).status()).isEqualTo(403);
    assertThat(colleague.post(task + "/identity-links/delete", Map.of("groupId", "jl-cz-handler", "type", "candidate")).status())
        .isEqualTo(403);
    assertThat(colleague.post(task + "/delegate", Map.of("userId", "czmz-handler")).status()).isEqualTo(403);
    assertThat(colleague.post(task + "/assignee", Map.of("userId", "czmz-handler")).status()).isEqualTo(403);
    assertThat(assigneeOf(opinion)).isEqualTo("jlcz-handler");
    assertThat(engine.getTaskService().getIdentityLinksForTask(opinion.getId())).extracting(link -> link.getGroupId())
        .contains("jl-cz-handler");

    asUser("jlcz-handler", "jl-cz-handler", () -> engine.getTaskService().claim(opinion.getId(), null));
    assertThat(assigneeOf(opinion)).isNull();
    // An administrator names another assignee.
    EngineRestClient admin = new EngineRestClient(port, "admin", adminPassword);
    assertThat(admin.post(task + "/claim", Map.of("userId", "jlcz-handler")).status()).isEqualTo(204);
    assertThat(assigneeOf(opinion)).isEqualTo("jlcz-handler");
  }

  /** Calls the engine's Java API as this user of this group. */
  private void asUser(String user, String group, Runnable call) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      call.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * The proposer's contacts are on the lead unit's 沟通联系 task and its pages (and the office's), never on a
   * co-handling unit's: no read of variables through the engine's API gives them to it, nor answers a query by
   * their value.
   */
  @Test
  void aCoHandlingUnitReadsTheProposersContactsThroughNoVariableRead() {
    Map<String, Object> form = new HashMap<>(ItemDriver.intake("V" + System.nanoTime()));
    form.put("proposerPhone", PHONE);
    ProcessInstance item = driver.register(form);
    driver.accept(item);
    driver.assign(item, "jl-mz", "jl-cz");
    String id = item.getId();
    String contact = driver.task(item, "Task_ContactRecord").getId();
    String own = engine.getTaskService().createTaskQuery().processInstanceId(id).taskDefinitionKey("Task_CoHandlingOpinion")
        .taskCandidateGroup("jl-cz-handler").singleResult().getId();
    String phoneVariable = engine.getRuntimeService().createVariableInstanceQuery().taskIdIn(contact).variableName("proposerPhone")
        .singleResult().getId();
    String definition = item.getProcessDefinitionId();
    String byValue = "proposerPhone_eq_" + PHONE;
    EngineRestClient finance = new EngineRestClient(port, "jlcz-handler", "demo");

    Map<String, Response> reads = new java.util.LinkedHashMap<>();
    for (String get : List.of("/variable-instance?processInstanceIdIn=" + id, "/variable-instance?taskIdIn=" + contact,
        "/variable-instance?variableName=proposerPhone", "/variable-instance?executionIdIn=" + id,
        "/variable-instance?variableValues=" + byValue, "/variable-instance/" + phoneVariable,
        "/variable-instance/" + phoneVariable + "/data",
        "/history/variable-instance?processInstanceId=" + id, "/history/variable-instance?taskIdIn=" + contact,
        "/history/variable-instance?variableName=proposerPhone", "/history/variable-instance/" + phoneVariable,
        "/history/detail?processInstanceId=" + id, "/history/detail?taskId=" + contact, "/history/detail?variableInstanceId=" + phoneVariable,
        "/task/" + contact + "/variables", "/task/" + contact + "/localVariables", "/task/" + contact + "/form-variables",
        "/task/" + contact + "/variables/proposerPhone", "/task/" + contact + "/localVariables/proposerPhone",
        "/task/" + contact + "/localVariables/proposerPhone/data", "/task/" + contact + "/deployed-form",
        "/task/" + contact + "/rendered-form", "/task/" + contact + "/form",
        "/process-instance/" + id + "/variables", "/process-instance/" + id + "/variables/proposerPhone",
        "/execution/" + id + "/localVariables", "/process-definition/" + definition + "/form-variables",
        "/task?taskVariables=" + byValue, "/task?processVariables=" + byValue, "/process-instance?variables=" + byValue,
        "/execution?variables=" + byValue, "/execution?processVariables=" + byValue,
        "/history/task?taskVariables=" + byValue, "/history/process-instance?variables=" + byValue)) {
      reads.put("GET " + get, finance.get(get));
    }
    for (Map.Entry<String, Map<String, Object>> post : Map.of(
        "/variable-instance", Map.<String, Object>of("processInstanceIdIn", List.of(id)),
        "/history/variable-instance", Map.<String, Object>of("processInstanceIdIn", List.of(id)),
        "/history/detail", Map.<String, Object>of("processInstanceId", id),
        "/task", Map.<String, Object>of("taskVariables", List.of(Map.of("name", "proposerPhone", "operator", "eq", "value", PHONE))),
        "/process-instance", Map.<String, Object>of("variables", List.of(Map.of("name", "proposerPhone", "operator", "eq", "value", PHONE))),
        "/history/task", Map.<String, Object>of("taskVariables", List.of(Map.of("name", "proposerPhone", "operator", "eq", "value", PHONE))))
        .entrySet()) {
      reads.put("POST " + post.getKey(), finance.post(post.getKey(), post.getValue()));
    }
    WebSession tasklist = new WebSession(port);
    tasklist.login("jlcz-handler", "demo");
    HttpResponse<String> inTasklist = tasklist.webappEngineApi("GET", "/variable-instance?processInstanceIdIn=" + id, null);

    reads.forEach((read, response) -> {
      assertThat(response.status()).as(read).isLessThan(500);
      assertThat(String.valueOf(response.body())).as(read).doesNotContain(PHONE).doesNotContain(EMAIL);
      boolean probe = read.contains(PHONE) || read.startsWith("POST /task") || read.startsWith("POST /process-instance")
          || read.startsWith("POST /history/task");
      if (probe && response.status() == 200) {
        assertThat(response.body()).as(read + ": found by the phone's value").isEmpty();
      }
    });
    assertThat(inTasklist.statusCode()).isEqualTo(200);
    assertThat(inTasklist.body()).doesNotContain(PHONE).doesNotContain(EMAIL);
    // Its own task's form it reads; the lead unit and the office read the contacts on theirs.
    assertThat(finance.get("/task/" + own + "/form-variables").status()).isEqualTo(200);
    for (String reader : List.of("jlmz-handler", "jlgov-clerk")) {
      Response lead = new EngineRestClient(port, reader, "demo").get("/task/" + contact + "/form-variables");
      assertThat(lead.status()).as(reader).isEqualTo(200);
      assertThat(lead.body().path("proposerPhone").path("value").asText()).as(reader).isEqualTo(PHONE);
    }
  }

  static final String PHONE = "13904310044";
  static final String EMAIL = "zhangsan@demo.local";

  /** A second handler of the unit, in the role group the task was given to. */
  private EngineRestClient colleagueOf(String roleGroup) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId("jlcz-colleague").count() == 0) {
      User user = identity.newUser("jlcz-colleague");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership("jlcz-colleague", roleGroup);
    }
    return new EngineRestClient(port, "jlcz-colleague", "demo");
  }

  private String assigneeOf(Task task) {
    return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
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
