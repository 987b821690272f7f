package org.proposalhandling.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Over HTTP: each unit reads only its own items, in the list, the export and the item page; one login. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LedgerAccessTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;

  @Test
  void aUnitReadsNeitherTheItemNorTheExportNorTheTimelineOfAnotherUnit() throws Exception {
    ItemDriver driver = new ItemDriver(engine, outbox);
    String title = "关于民政厅专属事项的建议" + System.nanoTime();
    String number = "LA" + System.nanoTime();
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("title", title);
    ProcessInstance ofCivilAffairs = driver.atDrafting(form, "jl-mz");
    String id = ofCivilAffairs.getBusinessKey();

    WebSession civilAffairs = new WebSession(port);
    civilAffairs.login("jlmz-handler", "demo");
    HttpResponse<String> own = civilAffairs.get("/items/" + id);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains(title, "登记", "立案", "交办", "沟通联系");
    assertThat(civilAffairs.get("/items?q=" + number).body()).contains(title);

    WebSession finance = new WebSession(port);
    finance.login("jlcz-handler", "demo");
    HttpResponse<String> other = finance.get("/items/" + id);
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).doesNotContain(title, "关于民政厅专属事项");
    HttpResponse<String> guessed = finance.get("/items/00000000-0000-0000-0000-000000000000");
    assertThat(guessed.statusCode()).isEqualTo(404);
    // The same page but for the header's logout form, whose CSRF token Spring Security masks anew per answer.
    assertThat(withoutCsrf(guessed.body())).isEqualTo(withoutCsrf(other.body()));
    assertThat(finance.get("/items").body()).doesNotContain(title);
    assertThat(exportTitles(finance)).doesNotContain(title);
    assertThat(exportTitles(civilAffairs)).contains(title);

    // A request from the page of an item that is not his: the same 404, nothing recorded.
    String token = WebSession.csrfOf(finance.get("/items").body());
    HttpResponse<String> request = finance.postForm("/items/" + id + "/reassignment-request",
        Map.of("reason", "不属于本单位职责。", "_csrf", token));
    assertThat(request.statusCode()).isEqualTo(404);
    assertThat(request.body()).doesNotContain(title);

    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
    assertThat(office.get("/items/" + id).body()).contains(title, "zhangsan@demo.local");
    WebSession otherOffice = new WebSession(port);
    otherOffice.login("czgov-clerk", "demo");
    assertThat(otherOffice.get("/items/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void postsWithoutTheCsrfTokenAreRefused() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    String id = driver.atDrafting("CS" + System.nanoTime(), "jl-mz").getBusinessKey();
    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    HttpResponse<String> forged = handler.postForm("/items/" + id + "/extension-request",
        Map.of("reason", "需要进一步调研。", "requestedDue", "2099-01-01"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(handler.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(handler.get("/items/" + id).statusCode()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_ExtensionDecision").count()).isZero();
  }

  @Test
  void oneLoginServesTheLedgerAndTasklistAndLogoutEndsBoth() {
    WebSession session = new WebSession(port);
    assertThat(session.get("/items").statusCode()).isEqualTo(302);
    HttpResponse<String> wrong = session.login("jlmz-head", "wrong-password");
    assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    HttpResponse<String> login = session.login("jlmz-handler", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(session.get("/items").statusCode()).isEqualTo(200);
    assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> webappUser = session.get("/camunda/api/admin/auth/user/default");
    assertThat(webappUser.statusCode()).isEqualTo(200);
    assertThat(webappUser.body()).contains("\"userId\":\"jlmz-handler\"", "tasklist").doesNotContain("cockpit");
    assertThat(session.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(200);

    String token = WebSession.csrfOf(session.get("/items").body());
    assertThat(session.postForm("/logout", Map.of("_csrf", token)).headers().firstValue("Location").orElseThrow())
        .endsWith("/login?logout");
    assertThat(session.get("/items").statusCode()).isEqualTo(302);
    assertThat(session.get("/camunda/api/admin/auth/user/default").statusCode()).isIn(401, 404);
    assertThat(session.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    // Clients of the REST API keep HTTP Basic, without session or CSRF token.
    assertThat(new EngineRestClient(port, "jlmz-handler", "demo").get("/task").status()).isEqualTo(200);
  }

  private static List<String> exportTitles(WebSession session) throws Exception {
    HttpResponse<byte[]> export = session.getBytes("/items/export");
    assertThat(export.statusCode()).isEqualTo(200);
    List<String> titles = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("标题");
      for (Row row : workbook.getSheetAt(0)) {
        titles.add(row.getCell(3).getStringCellValue());
      }
    }
    return titles;
  }

  private static String withoutCsrf(String page) {
    return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
  }
}
