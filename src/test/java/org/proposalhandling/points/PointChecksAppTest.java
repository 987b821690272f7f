package org.proposalhandling.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    Case omitted = Case.named("omit-d13-3.txt");
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = atDrafting(driver, "PT1", omitted);
    String itemPage = "/items/" + instance.getBusinessKey();
    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    assertThat(handler.get(itemPage).body()).contains("建议共4条，尚无答复稿", "第三条：加快医养康养护工、治疗师服务专业化、产业化发展");
    assertThat(formValue("jlmz-handler", instance, "Task_DraftReply", "pointsChecklist"))
        .startsWith("建议共4条：\n第一条：加强养老保险行业与养老院以及护理产业的联动\n").contains("\n第四条：创新养老服务体系");

    driver.draft(instance, omitted.reply());
    assertThat(handler.get(itemPage).body()).contains("第1轮答复稿：" + MISSING_THIRD, "似未涉及");

    assertThat(formValue("jlmz-head", instance, "Task_ReviewReply", "pointsCheck")).isEqualTo(MISSING_THIRD);

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
    Case answered = Case.named("seed-14146.txt");
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = atDrafting(driver, "PT2", answered);
    driver.draft(instance, answered.reply());

    assertThat(formValue("jlmz-head", instance, "Task_ReviewReply", "pointsCheck")).isEqualTo("建议共5条，答复涉及5条");
  }

  /** An item of this number whose content is the case's proposal, at 起草答复 with 吉林省民政厅 alone. */
  static ProcessInstance atDrafting(ItemDriver driver, String number, Case c) {
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("content", c.proposal());
    return driver.atDrafting(form, "jl-mz");
  }

  /** A field's value as Tasklist reads it for the user: engine REST, his own credentials. */
  private String formValue(String user, ProcessInstance instance, String taskKey, String field) {
    EngineRestClient client = new EngineRestClient(port, user, "demo");
    String task = client.get("/task?processInstanceId=" + instance.getId() + "&taskDefinitionKey=" + taskKey)
        .body().get(0).get("id").asText();
    return client.get("/task/" + task + "/form-variables?variableNames=" + field).body().get(field).get("value").asText();
  }
}
