package org.proposalhandling.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Errors a user or an API client can cause get the right status and a Chinese message, never a 500 or the
 * engine's English, and change nothing.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ClientErrorsTest {

  static final String OFFICIAL = "jlmz-official";
  static final String OFFICIALS = "jl-mz-official";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  final HttpClient http = HttpClient.newHttpClient();
  ItemDriver driver;
  MailCatcher mail;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
    mail = new MailCatcher(smtp, outbox);
  }

  @Test
  void completingATaskAlreadyCompletedOrThatDoesNotExistIs404InChinese() {
    ProcessInstance item = driver.register("E" + System.nanoTime());
    String taskId = driver.task(item, "Task_AcceptanceReview").getId();
    EngineRestClient clerk = new EngineRestClient(port, "jlgov-clerk", "demo");
    Map<String, Object> accept = EngineRestClient.variables(Map.of("decision", "accept"));
    assertThat(clerk.post("/task/" + taskId + "/submit-form", accept).status()).isEqualTo(204);

    for (String task : new String[] {taskId, "no-such-task"}) {
      Response again = clerk.post("/task/" + task + "/submit-form", accept);
      assertThat(again.status()).as(String.valueOf(again.body())).isEqualTo(404);
      assertThat(again.body().get("message").asText()).contains("该任务不存在或已经办理完毕");
    }
  }

  @Test
  void aStartOrATaskActionWithoutTheRightIs403InChinese() {
    Response start = new EngineRestClient(port, "jlmz-handler", "demo").post(
        "/process-definition/key/proposal-handling/submit-form", EngineRestClient.variables(clerkForm("E-start")));
    assertThat(start.status()).as(String.valueOf(start.body())).isEqualTo(403);
    assertThat(start.body().get("message").asText()).contains("没有执行此操作的权限");

    ProcessInstance item = driver.register("E" + System.nanoTime());
    String taskId = driver.task(item, "Task_AcceptanceReview").getId();
    Response foreign = new EngineRestClient(port, "jlcz-handler", "demo").post("/task/" + taskId + "/submit-form",
        EngineRestClient.variables(Map.of("decision", "accept")));
    assertThat(foreign.status()).as(String.valueOf(foreign.body())).isEqualTo(403);
    assertThat(foreign.body().get("message").asText()).contains("没有执行此操作的权限");
    assertThat(driver.task(item, "Task_AcceptanceReview").getId()).isEqualTo(taskId);
  }

  /** Refusals of the engine a client can cause: 4xx in Chinese, on the engine REST API and Tasklist's copy alike. */
  @Test
  void theEnginesRefusalsAreFourHundredsInChineseOnBothApiPaths() throws Exception {
    ProcessInstance item = driver.register("E" + System.nanoTime());
    String taskId = driver.task(item, "Task_AcceptanceReview").getId();
    EngineRestClient clerk = new EngineRestClient(port, "jlgov-clerk", "demo");
    WebSession tasklist = new WebSession(port);
    tasklist.login("jlgov-clerk", "demo");

    Response deleted = clerk.delete("/task/" + taskId);
    assertThat(deleted.status()).as(String.valueOf(deleted.body())).isEqualTo(400);
    assertThat(deleted.body().get("message").asText()).contains("不能删除");
    HttpResponse<String> deletedInTasklist = tasklist.webappEngineApi("DELETE", "/task/" + taskId, null);
    assertThat(deletedInTasklist.statusCode()).as(deletedInTasklist.body()).isEqualTo(400);
    assertThat(deletedInTasklist.body()).contains("不能删除").doesNotContain("The task");
    assertThat(driver.task(item, "Task_AcceptanceReview").getId()).isEqualTo(taskId);

    String number = "E" + System.nanoTime();
    Map<String, Object> atSignOff = new java.util.HashMap<>(EngineRestClient.variables(clerkForm(number)));
    atSignOff.put("startInstructions", java.util.List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SignOff")));
    Response started = clerk.post("/process-definition/key/proposal-handling/start", atSignOff);
    assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(400);
    assertThat(started.body().get("message").asText()).contains("只能从登记表单开始");
    HttpResponse<String> startedInTasklist = tasklist.webappEngineApi("POST", "/process-definition/key/proposal-handling/start",
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(atSignOff));
    assertThat(startedInTasklist.statusCode()).as(startedInTasklist.body()).isEqualTo(400);
    assertThat(startedInTasklist.body()).contains("只能从登记表单开始");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("proposal-handling")
        .activityIdIn("Task_SignOff").list()).noneMatch(instance -> instance.getBusinessKey() == null);

    WebSession foreign = new WebSession(port);
    foreign.login("jlcz-handler", "demo");
    HttpResponse<String> notHis = foreign.webappEngineApi("POST", "/task/" + taskId + "/claim", "{\"userId\":\"jlcz-handler\"}");
    assertThat(notHis.statusCode()).as(notHis.body()).isIn(403, 404);
    assertThat(notHis.body()).containsAnyOf("没有执行此操作的权限", "该任务不存在").doesNotContain("ENGINE-", "The user");
  }

  @Test
  void aSignOffPostWithAnUnknownActionFailsClosed() throws Exception {
    String number = "E" + System.nanoTime();
    ProcessInstance item = atSignOff(number);
    String approve = signOffLink(number);

    for (String body : new String[] {"decision=", "decision=delete", "comment=x", ""}) {
      HttpResponse<String> refused = postForm(approve, body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(refused.body()).as(body).contains("无法识别的操作", "没有改变任何内容");
    }
    assertThat(driver.task(item, "Task_SignOff")).isNotNull();
    assertThat(postForm(approve, "decision=approve").statusCode()).isEqualTo(200);
  }

  @Test
  void anOfficialWhoHasLeftTheOfficialGroupCannotSignOff() throws Exception {
    String number = "E" + System.nanoTime();
    ProcessInstance item = atSignOff(number);
    String approve = signOffLink(number);
    IdentityService identity = engine.getIdentityService();
    identity.deleteMembership(OFFICIAL, OFFICIALS);
    try {
      HttpResponse<String> refused = postForm(approve, "decision=approve");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("无权签发", "没有改变任何内容");
      assertThat(driver.task(item, "Task_SignOff")).isNotNull();
    } finally {
      identity.createMembership(OFFICIAL, OFFICIALS);
    }
    assertThat(postForm(approve, "decision=approve").statusCode()).isEqualTo(200);
  }

  @Test
  void anExtensionRequestOnAnItemNotYetAssignedIs400InChinese() throws Exception {
    ProcessInstance item = driver.register("E" + System.nanoTime());
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/items/" + item.getBusinessKey() + "/extension-request"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("jlmz-handler:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"需要调研。\",\"requestedDue\":\"2099-01-01\"}")).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("尚未交办");
  }

  private ProcessInstance atSignOff(String number) {
    ProcessInstance item = driver.atDrafting(number, "jl-mz");
    driver.draft(item, "答复正文");
    driver.review(item, true, null);
    mail.sendDueMail();
    return item;
  }

  /** The approve link of the item's sign-off mail, on the test's port. */
  private String signOffLink(String number) {
    var mails = mail.to(OFFICIAL + "@demo.local", "第" + number + "号");
    assertThat(mails).hasSize(1);
    String link = MailCatcher.links(MailCatcher.text(mails.get(0))).get(0);
    return link.replace("http://localhost:8080", "http://localhost:" + port).replaceAll("\\?.*$", "");
  }

  private HttpResponse<String> postForm(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The start form as a clerk sends it: the office comes from who he is, not from a field. */
  private static Map<String, Object> clerkForm(String number) {
    Map<String, Object> form = new java.util.HashMap<>(ItemDriver.intake(number));
    form.remove("assigningOffice");
    return form;
  }
}
