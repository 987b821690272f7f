package org.proposalhandling.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.feedback.internal.PersonalAnswers;
import org.proposalhandling.feedback.internal.PersonalAnswers.Answer;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A joint item under the default rule (proposals.feedback.result-rule=lead): each co-signer gets the reply and
 * his own link, answers for himself, and the lead proposer's answer is the item's.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class JointFeedbackTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired PersonalAnswers answers;
  ItemDriver driver;
  JointItems joint;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ItemDriver(engine, outbox);
    joint = new JointItems(driver, new MailCatcher(smtp, outbox), port);
  }

  @Test
  void aCoSignersNotSatisfiedIsHisOwnTheLeadsAnswerIsTheItemsAndALateAnswerIsStillStored() throws Exception {
    ProcessInstance instance = joint.replied("J1");
    String lisi = joint.link("J1", JointItems.CO_SIGNERS[0]);
    String wangwu = joint.link("J1", JointItems.CO_SIGNERS[1]);
    String zhaoliu = joint.link("J1", JointItems.CO_SIGNERS[2]);
    assertThat(joint.get(wangwu).body()).contains("答复正文", "提交反馈", "作为联名人王五的意见单独记录").doesNotContain("办理态度");

    assertThat(joint.post(lisi, Map.of("satisfaction", "SATISFIED")).statusCode()).isEqualTo(200);
    assertThat(joint.post(wangwu, Map.of("satisfaction", "UNSATISFIED")).statusCode()).isEqualTo(400);
    HttpResponse<String> unsatisfied = joint.post(wangwu, Map.of("satisfaction", "UNSATISFIED", "comments", "措施不具体。"));
    assertThat(unsatisfied.body()).contains("感谢您的反馈", "不满意", "措施不具体。");
    assertThat(joint.post(wangwu, Map.of("satisfaction", "SATISFIED")).statusCode()).isEqualTo(409);
    assertThat(instance).isWaitingAt("Task_Feedback");

    joint.post(joint.link("J1", JointItems.LEAD), Map.of("satisfaction", "SATISFIED"));
    driver.executeJobs(instance);

    assertThat(instance).isEnded();
    String itemId = instance.getBusinessKey();
    assertThat(items.get(itemId).satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(answers.of(itemId, 1)).extracting(Answer::person, Answer::satisfaction).containsExactly(
        tuple(0, Satisfaction.SATISFIED), tuple(1, Satisfaction.SATISFIED),
        tuple(2, Satisfaction.UNSATISFIED), tuple(3, Satisfaction.NO_RESPONSE));

    assertThat(joint.get(zhaoliu).body()).contains("本件的办理结果已于", "不再改变办件结果", "提交反馈");
    assertThat(joint.post(zhaoliu, Map.of("satisfaction", "BASICALLY_SATISFIED")).statusCode()).isEqualTo(200);
    assertThat(answers.of(itemId, 1).get(3).satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
    assertThat(items.get(itemId).satisfaction()).isEqualTo(Satisfaction.SATISFIED);

    JsonNode statistics = joint.statistics();
    assertThat(statistics.path("resultRule").asText()).isEqualTo("满意率按件计算；联名、附议件的办件结果：以领衔人的评价为办件结果。");
    assertThat(JointItems.value(statistics.path("bySession"), "", "SATISFACTION_RATE").asDouble()).isEqualTo(1.0);
    JsonNode persons = statistics.path("byPerson");
    assertThat(JointItems.value(persons, "LEAD", "SATISFIED").asLong()).isEqualTo(1);
    assertThat(JointItems.value(persons, "CO_SIGNER", "UNSATISFIED").asLong()).isEqualTo(1);
    assertThat(JointItems.value(persons, "CO_SIGNER", "PERSON_SATISFACTION_RATE").asDouble()).isEqualTo(2.0 / 3);
    assertThat(JointItems.value(persons, "", "PERSON_SATISFACTION_RATE").asDouble()).isEqualTo(0.75);
  }

  @Test
  void aCoSignerWithNeitherEmailNorMobileGetsHisOwnFormOnPaperWithTheOfficesCopy() throws Exception {
    Map<String, Object> intake = joint.intake("J4");
    intake.put("coSigners", "李四（经济界，" + JointItems.CO_SIGNERS[0] + "）、孙八（农业界）");
    driver.replied(intake);
    new MailCatcher(smtp, outbox).sendDueMail();

    List<String> formsInCopies = Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> MailCatcher.subject(message).startsWith("【抄送】")
            && MailCatcher.subject(message).contains(joint.session + "第J4号"))
        .flatMap(message -> MailCatcher.pdfs(message).stream()).filter(pdf -> pdf.name().startsWith("征询意见表"))
        .map(pdf -> pdf.name() + "：" + pdf.text()).toList();
    assertThat(formsInCopies).singleElement().asString()
        .contains("（孙八）.pdf", "提出人：孙八（农业界）（联名，领衔人：张三）").doesNotContain("李四");
  }

  @Test
  void theOfficeTypesInACoSignersPaperFormOnceAndNobodyElseCan() {
    Map<String, Object> intake = joint.intake("J6");
    intake.put("coSigners", "孙八（农业界）");
    String itemId = driver.replied(intake).getBusinessKey();
    WebSession clerk = signedIn("jlgov-clerk");
    String page = clerk.get("/items/" + itemId).body();
    assertThat(page).contains("录入联名人纸质征询意见表", "孙八（农业界）", "其本人的征询意见表（PDF）");
    HttpResponse<byte[]> form = clerk.getBytes("/items/" + itemId + "/feedback-form.pdf?person=1");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(new MailCatcher.Pdf("form.pdf", form.body()).text()).contains("提出人：孙八（农业界）（联名，领衔人：张三）");

    String url = "/items/" + itemId + "/co-signers/1/paper-answer";
    String token = WebSession.csrfOf(page);
    HttpResponse<String> incomplete = clerk.postForm(url, Map.of("_csrf", token, "satisfaction", "UNSATISFIED"));
    assertThat(incomplete.statusCode()).isEqualTo(400);
    assertThat(incomplete.body()).contains("选择「不满意」时请填写不满意的理由。", "返回办件");
    WebSession lead = signedIn("jlmz-handler");
    String leadsPage = lead.get("/items/" + itemId).body();
    assertThat(leadsPage).doesNotContain("录入联名人纸质征询意见表");
    assertThat(lead.postForm(url, Map.of("_csrf", WebSession.csrfOf(leadsPage), "satisfaction", "SATISFIED")).statusCode())
        .as("only the office enters paper answers").isEqualTo(404);

    assertThat(clerk.postForm(url, Map.of("_csrf", token, "satisfaction", "UNSATISFIED", "comments", "补贴标准仍偏低。"))
        .statusCode()).isEqualTo(302);
    assertThat(answers.of(itemId, 1)).extracting(Answer::person, Answer::satisfaction, Answer::comments)
        .contains(tuple(1, Satisfaction.UNSATISFIED, "补贴标准仍偏低。"));
    assertThat(clerk.get("/items/" + itemId).body()).doesNotContain("录入联名人纸质征询意见表");
    HttpResponse<String> again = clerk.postForm(url, Map.of("_csrf", token, "satisfaction", "SATISFIED"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("孙八本轮的意见已经记录，不能重复录入。");
  }

  private WebSession signedIn(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }

  @Test
  void theLedgerFindsAJointItemByAnyCoSignersNameAndExportsThem() throws Exception {
    driver.register(joint.intake("J3"));
    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");

    String found = office.get("/items?q=" + URLEncoder.encode("赵六", StandardCharsets.UTF_8)).body();
    assertThat(found).contains(joint.session, "（联名：李四、王五、赵六）");
    assertThat(office.get("/items?q=" + URLEncoder.encode("钱七", StandardCharsets.UTF_8)).body()).doesNotContain("（联名：");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
        office.getBytes("/items/export?q=" + URLEncoder.encode("王五", StandardCharsets.UTF_8) + "&session="
            + URLEncoder.encode(joint.session, StandardCharsets.UTF_8)).body()))) {
      Row header = workbook.getSheetAt(0).getRow(0);
      assertThat(header.getCell(5).getStringCellValue()).isEqualTo("附议人（联名人）");
      assertThat(workbook.getSheetAt(0).getRow(1).getCell(5).getStringCellValue()).isEqualTo("李四、王五、赵六");
    }
  }

  @Test
  void coSignersAnsweringAtTheSameMomentAreAllStored() throws Exception {
    ProcessInstance instance = joint.replied("J2");
    List<String> links = new ArrayList<>();
    for (String address : JointItems.CO_SIGNERS) {
      links.add(joint.link("J2", address));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(links.size());
    try {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (String link : links) {
        Callable<Integer> answer = () -> {
          start.await();
          return joint.post(link, Map.of("satisfaction", "UNSATISFIED", "comments", "同时提交。")).statusCode();
        };
        statuses.add(threads.submit(answer));
      }
      start.countDown();
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(answers.of(instance.getBusinessKey(), 1)).extracting(Answer::person).containsExactly(1, 2, 3);
    assertThat(instance).isWaitingAt("Task_Feedback");
  }
}
