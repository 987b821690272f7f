package org.proposalhandling.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.points.PointEvaluationTest.Case;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The line of the proposal's points and the draft, computed by the server from the item and the stored draft:
 * on the item page, in the drafting and the review form (read over engine REST as Tasklist reads them) and on
 * the official's sign-off page.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class PointChecksAppTest {

  static final String MISSING_THIRD = "建议共4条，答复涉及3条，未涉及：第三条（加快医养康养护工、治疗师服务专业化、产业…）";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;

  @Test
  void theHandlerTheHeadAndTheOfficialAreToldWhichPointTheDraftSeemsToMiss() throws Exception {
    Case omitted = Case.read(Path.of(getClass().getResource("/points/evaluation/omit-d13-3.txt").toURI()));
    ItemDriver driver = new ItemDriver(engine, outbox);
    Map<String, Object> form = ItemDriver.intake("PT1");
    form.put("content", omitted.proposal());
    ProcessInstance instance = driver.atDrafting(form, "jl-mz");
    String itemPage = "/items/" + instance.getBusinessKey();
    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    assertThat(handler.get(itemPage).body()).contains("建议共4条，尚无答复稿", "第三条：加快医养康养护工、治疗师服务专业化、产业化发展");
    EngineRestClient drafter = new EngineRestClient(port, "jlmz-handler", "demo");
    String drafting = drafter.get("/task?processInstanceId=" + instance.getId() + "&taskDefinitionKey=Task_DraftReply")
        .body().get(0).get("id").asText();
    assertThat(drafter.get("/task/" + drafting + "/form-variables?variableNames=pointsChecklist").body()
        .get("pointsChecklist").get("value").asText())
        .startsWith("建议共4条：\n第一条：加强养老保险行业与养老院以及护理产业的联动\n").contains("\n第四条：创新养老服务体系");

    driver.draft(instance, omitted.reply());
    assertThat(handler.get(itemPage).body()).contains("第1轮答复稿：" + MISSING_THIRD, "似未涉及");

    EngineRestClient head = new EngineRestClient(port, "jlmz-head", "demo");
    String review = head.get("/task?processInstanceId=" + instance.getId() + "&taskDefinitionKey=Task_ReviewReply")
        .body().get(0).get("id").asText();
    assertThat(head.get("/task/" + review + "/form-variables?variableNames=pointsCheck").body()
        .get("pointsCheck").get("value").asText()).isEqualTo(MISSING_THIRD);

    driver.review(instance, true, null);
    MailCatcher mail = new MailCatcher(smtp, outbox);
    mail.sendDueMail();
    String link = MailCatcher.links(MailCatcher.text(mail.to("jlmz-official@demo.local", "第PT1号").get(0))).get(0)
        .replace("http://localhost:8080", "http://localhost:" + port);
    String signOffPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(signOffPage).contains(MISSING_THIRD);
  }

  @Test
  void aDraftAnsweringEveryPointSaysSo() throws Exception {
    Case answered = Case.read(Path.of(getClass().getResource("/points/evaluation/seed-14146.txt").toURI()));
    ItemDriver driver = new ItemDriver(engine, outbox);
    Map<String, Object> form = ItemDriver.intake("PT2");
    form.put("content", answered.proposal());
    ProcessInstance instance = driver.atDrafting(form, "jl-mz");
    driver.draft(instance, answered.reply());

    EngineRestClient head = new EngineRestClient(port, "jlmz-head", "demo");
    String review = head.get("/task?processInstanceId=" + instance.getId() + "&taskDefinitionKey=Task_ReviewReply")
        .body().get(0).get("id").asText();
    assertThat(head.get("/task/" + review + "/form-variables?variableNames=pointsCheck").body()
        .get("pointsCheck").get("value").asText()).isEqualTo("建议共5条，答复涉及5条");
  }
}
