package org.proposalhandling.tasklistsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The webapps' scripts read working days and item names in their login session; nobody else gets an answer. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TasklistSupportControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;

  @Test
  void answersOnlyInAWebappSessionAndNamesOnlyItemsTheUserMayRead() throws Exception {
    ItemDriver items = new ItemDriver(engine, outbox);
    ProcessInstance own = items.atDrafting("S" + System.nanoTime(), "jl-mz");
    ProcessInstance other = items.atDrafting("T" + System.nanoTime(), "jl-cz");

    WebSession anonymous = new WebSession(port);
    assertThat(get(anonymous, "/due?at=2026-12-31T15:59:59Z").statusCode()).isEqualTo(401);
    assertThat(get(anonymous, "/items/" + own.getBusinessKey()).statusCode()).isEqualTo(401);

    WebSession handler = loggedIn("jlmz-handler");
    HttpResponse<String> today = get(handler, "/due?at=" + EngineClock.today().atTime(23, 59, 59).atZone(EngineClock.zone()).toInstant());
    assertThat(today.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(today.body()).get("workingDaysLeft").asInt()).isZero();
    assertThat(JSON.readTree(today.body()).get("mark").asText()).isEqualTo("黄");
    HttpResponse<String> refused = get(handler, "/due?at=2026-13-45");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("时间格式应为 ISO-8601");

    HttpResponse<String> item = get(handler, "/items/" + own.getBusinessKey());
    assertThat(item.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(item.body());
    assertThat(body.get("number").asText()).startsWith("S");
    assertThat(body.get("title").asText()).isEqualTo("关于加强社区养老服务的建议");
    assertThat(get(handler, "/items/" + other.getBusinessKey()).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(WebSession session, String path) {
    return session.get("/camunda/api/tasklistsupport" + path);
  }

  /** Signs in on the one login form: the session then serves the webapps and their API. */
  private WebSession loggedIn(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    // Tasklist opened once: the webapps' session knows the user from the one login.
    session.get("/camunda/app/tasklist/default/");
    return session;
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
