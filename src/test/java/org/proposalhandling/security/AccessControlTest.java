package org.proposalhandling.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Each unit sees only its own work; nothing answers without login but the link pages. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AccessControlTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  ProcessInstance ofCivilAffairs;
  ProcessInstance ofFinance;

  @BeforeEach
  void twoItemsOfTwoUnits() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    ofCivilAffairs = driver.atDrafting("A" + System.nanoTime(), "jl-mz");
    ofFinance = driver.atDrafting("B" + System.nanoTime(), "jl-cz");
  }

  @Test
  void aHandlerOfAnotherUnitGetsNothingOfTheItemThroughTheEngineApi() {
    EngineRestClient finance = new EngineRestClient(port, "jlcz-handler", "demo");
    String id = ofCivilAffairs.getId();
    String key = ofCivilAffairs.getBusinessKey();
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId();

    for (String query : List.of("/task?processInstanceBusinessKey=" + key, "/task?processInstanceId=" + id,
        "/process-instance?businessKey=" + key, "/history/process-instance?processInstanceBusinessKey=" + key,
        "/history/task?processInstanceBusinessKey=" + key, "/history/activity-instance?processInstanceId=" + id,
        "/variable-instance?processInstanceIdIn=" + id, "/history/variable-instance?processInstanceId=" + id,
        "/history/detail?processInstanceId=" + id)) {
      Response response = finance.get(query);
      assertThat(response.status()).as(query).isEqualTo(200);
      assertThat(response.body()).as(query).isEmpty();
    }
    for (String single : List.of("/process-instance/" + id, "/task/" + taskId, "/task/" + taskId + "/form-variables",
        "/process-instance/" + id + "/variables", "/history/process-instance/" + id)) {
      assertThat(finance.get(single).status()).as(single).isIn(403, 404);
    }
  }

  @Test
  void aUnitReadsItsOwnItemAndItsHistoryAndTheOfficeReadsBoth() {
    EngineRestClient civilAffairs = new EngineRestClient(port, "jlmz-handler", "demo");
    Response instances = civilAffairs.get("/process-instance?businessKey=" + ofCivilAffairs.getBusinessKey());
    assertThat(instances.status()).as(String.valueOf(instances.body())).isEqualTo(200);
    assertThat(instances.body()).hasSize(1);
    Response history = civilAffairs.get("/history/process-instance?processInstanceBusinessKey=" + ofCivilAffairs.getBusinessKey());
    assertThat(history.status()).as(String.valueOf(history.body())).isEqualTo(200);
    assertThat(history.body()).hasSize(1);
    assertThat(civilAffairs.get("/process-instance?businessKey=" + ofFinance.getBusinessKey()).body()).isEmpty();
    // The tasks' history too, read through the instance's grant: the engine keeps no grant per historic task.
    JsonNode tasks = civilAffairs.get("/history/task?finished=true&processInstanceBusinessKey=" + ofCivilAffairs.getBusinessKey()).body();
    assertThat(tasks).as("finished tasks of the unit's item").hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode task : tasks) {
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
          .resourceId(task.get("id").asText()).count()).as("HISTORIC_TASK grants of " + task.get("name")).isZero();
    }

    EngineRestClient office = new EngineRestClient(port, "jlgov-clerk", "demo");
    for (ProcessInstance item : List.of(ofCivilAffairs, ofFinance)) {
      assertThat(office.get("/process-instance?businessKey=" + item.getBusinessKey()).body()).hasSize(1);
      assertThat(office.get("/task?processInstanceBusinessKey=" + item.getBusinessKey()).body()).hasSize(1);
    }
    JsonNode otherOffice = new EngineRestClient(port, "czgov-clerk", "demo").get("/task?processInstanceBusinessKey="
        + ofCivilAffairs.getBusinessKey()).body();
    assertThat(otherOffice).isEmpty();
  }

  @Test
  void anonymousCallsGet401EverywhereButTheLinkPages() throws Exception {
    EngineRestClient anonymous = new EngineRestClient(port, null, null);
    for (String path : List.of("/task", "/process-instance", "/history/process-instance", "/process-definition",
        "/user", "/group", "/authorization", "/filter", "/deployment")) {
      assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
    }
    // A wrong password also delays that user's next logins (the engine's brute-force protection): use a user no other test needs.
    assertThat(new EngineRestClient(port, "jlyjj-handler", "wrong").get("/task").status()).isEqualTo(401);
    HttpClient http = HttpClient.newHttpClient();
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/task")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(401, 403);
    HttpResponse<String> link = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/links/feedback/unknown")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(link.statusCode()).isEqualTo(404);
    assertThat(link.body()).contains("链接无效");
    assertThat(link.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void onlyTheAssigningOfficeAndAdministratorsOpenCockpit() {
    assertThat(webappsOf("jlmz-handler")).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(webappsOf("jlgov-clerk")).contains("tasklist", "cockpit").doesNotContain("admin");
  }

  /** The webapps a user may open, as they see him after the one login (container-based authentication). */
  private List<String> webappsOf(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    // The webapps take the signed-in user when one of their pages opens, as in a browser.
    assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> current = session.get("/camunda/api/admin/auth/user/default");
    assertThat(current.statusCode()).isEqualTo(200);
    try {
      List<String> apps = new java.util.ArrayList<>();
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(current.body()).get("authorizedApps")
          .forEach(app -> apps.add(app.asText()));
      return apps;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aRevokeAnAdministratorSetsHidesTheTaskFromItsCandidates() {
    // Revokes are checked in every query (the faster of the engine's two checks, docs/benchmarks.md), so one
    // set in the admin webapp takes effect without the engine first asking whether any exists.
    assertThat(engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    EngineRestClient civilAffairs = new EngineRestClient(port, "jlmz-handler", "demo");
    String query = "/task?processInstanceId=" + ofCivilAffairs.getId();
    assertThat(civilAffairs.get(query).body()).hasSize(1);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(ofCivilAffairs.getId()).singleResult().getId();

    Authorization revoke = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("jlmz-handler");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(taskId);
    revoke.removePermission(Permissions.ALL); // a revoke revokes what is removed from it
    revoke = engine.getAuthorizationService().saveAuthorization(revoke);
    try {
      assertThat(civilAffairs.get(query).body()).isEmpty();
      assertThat(civilAffairs.get("/task/count?processInstanceId=" + ofCivilAffairs.getId()).body().get("count").asInt()).isZero();
      assertThat(civilAffairs.get("/task/" + taskId).status()).isIn(403, 404);
    } finally {
      engine.getAuthorizationService().deleteAuthorization(revoke.getId());
    }
    assertThat(civilAffairs.get(query).body()).hasSize(1);
  }
}
