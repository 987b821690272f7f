package org.proposalhandling.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.consultation.internal.Comment.Handling;
import org.proposalhandling.consultation.internal.Comment.Moderation;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultedUnit.Answer;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The consultation on a draft policy (seed 004), through its process: every unit answers, at once; one
 * misses the deadline and the round closes without it; a second round on the revised draft; a public round
 * with a comment sent from the public page; the 起草说明 with the counts; the official signs off from the
 * mail's link.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ConsultationProcessTest {

  static final String OFFICIAL = "jlmz-official@demo.local";
  static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ConsultationStart start;
  @Autowired Consultations consultations;
  @Autowired Comments comments;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  ConsultationDriver driver;
  MailCatcher mail;

  @BeforeEach
  void setUp() {
    driver = new ConsultationDriver(engine, start);
    mail = new MailCatcher(smtp, outbox);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyUnitAnswersAtOnceAndTheExplanationCountsThemThenTheOfficialSignsFromTheMail() throws Exception {
    String id = driver.started("养老服务举措A" + System.nanoTime(), EngineClock.today().plusDays(20));
    assertThat(driver.tasks(id, "Task_UnitComments")).hasSize(3)
        .allSatisfy(task -> assertThat(task.getName()).startsWith("【征求意见】反馈意见（"));
    mail.sendDueMail();
    assertThat(mail.to("jlcz-handler@demo.local", "【征求意见】")).isNotEmpty();

    // The three units answer at the same moment: none rolls another back.
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    Map<String, String> answers = Map.of("jl-cz", "建议明确资金来源。", "jl-wjw", "建议增加医养结合内容。");
    for (String unit : ConsultationDriver.UNITS) {
      threads.submit(() -> {
        try {
          go.await();
          driver.answer(id, unit, answers.get(unit));
        } catch (Throwable e) {
          failures.add(e);
        }
      });
    }
    go.countDown();
    threads.shutdown();
    assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(failures).isEmpty();
    driver.executeJobs(id);

    assertThat(consultations.units(id, 1)).extracting(ConsultedUnit::answer)
        .containsExactlyInAnyOrder(Answer.COMMENTED, Answer.COMMENTED, Answer.NO_COMMENT);
    assertThat(consultations.get(id).stage()).isEqualTo(Stage.HANDLING);

    // Each comment must be handled before the drafter goes on.
    assertThatThrownBy(() -> driver.complete(id, "Task_HandleComments", Map.of("nextStep", "SIGN_OFF")))
        .hasMessageContaining("还有 2 条单位意见未记录处理情况");
    List<Comment> received = comments.of(id);
    comments.handle(unitComment(received, "jl-cz").id(), Handling.ADOPTED, null, "jlmz-handler");
    comments.handle(unitComment(received, "jl-wjw").id(), Handling.NOT_ADOPTED, "医养结合另行制定专项政策。", "jlmz-handler");
    driver.complete(id, "Task_HandleComments", Map.of("nextStep", "SIGN_OFF"));

    Map<String, Object> explanationForm = engine.getTaskService().getVariablesLocal(driver.task(id, "Task_Explanation").getId());
    String explanation = (String) explanationForm.get("explanation");
    assertThat(explanation).contains("一、关于必要性", "三、起草过程", "征求了 3 个单位的意见", "收到意见 2 条",
        "其中采纳 1 条、部分采纳 0 条、未采纳 1 条", "1 个单位无意见", "医养结合另行制定专项政策。");
    assertThatThrownBy(() -> driver.complete(id, "Task_Explanation", Map.of("explanation", explanation)))
        .hasMessageContaining("未填写的部分");
    driver.complete(id, "Task_Explanation", Map.of("explanation", explanation.replace(ExplanationDraft.TO_WRITE, "")));
    driver.executeJobs(id);
    mail.sendDueMail();

    MimeMessage signOff = mail.to(OFFICIAL, "【待签发】《" + consultations.get(id).title()).get(0);
    assertThat(MailCatcher.text(signOff)).contains("起草说明", "征求了 3 个单位的意见", "第一条 总则。");
    String approve = MailCatcher.links(MailCatcher.text(signOff)).get(0).replace("http://localhost:8080", "");
    assertThat(approve).startsWith("/links/consultation-sign-off/");
    WebSession official = new WebSession(port);
    HttpResponse<String> page = official.get(approve);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("确认同意签发", "第一条 总则。");
    assertThat(consultations.get(id).stage()).as("opening the link changes nothing").isEqualTo(Stage.SIGNING);
    HttpResponse<String> signed = official.postForm(approve.replaceAll("\\?.*", ""), Map.of("decision", "approve", "comment", ""));
    assertThat(signed.body()).contains("已同意签发");
    assertThat(consultations.get(id).stage()).isEqualTo(Stage.SIGNED);
    assertThat(consultations.get(id).signedBy()).isEqualTo("jlmz-official");
    assertThat(driver.ended(id)).isTrue();
    assertThat(official.postForm(approve.replaceAll("\\?.*", ""), Map.of("decision", "approve")).statusCode()).isEqualTo(410);
  }

  @Test
  void aUnitThatMissesTheDeadlineIsRecordedAsSuchAndTheRoundClosesOnTime() {
    ConsultationDriver.at("2026-03-02T09:00");
    String id = driver.started("养老服务举措B" + System.nanoTime(), LocalDate.of(2026, 3, 13));
    driver.answer(id, "jl-cz", "建议明确资金来源。");
    driver.answer(id, "jl-wjw", null);

    ConsultationDriver.at("2026-03-10T08:00");
    driver.executeJobs(id);
    mail.sendDueMail();
    assertThat(mail.to("jlyjj-handler@demo.local", "【催告】")).as("the silent unit is reminded").isNotEmpty();
    assertThat(driver.tasks(id, "Task_UnitComments")).hasSize(1);

    ConsultationDriver.at("2026-03-14T00:01");
    driver.executeJobs(id);
    assertThat(driver.tasks(id, "Task_UnitComments")).isEmpty();
    assertThat(driver.tasks(id, "Task_HandleComments")).hasSize(1);
    assertThat(consultations.units(id, 1)).filteredOn(unit -> unit.unitId().equals("jl-yjj"))
        .extracting(ConsultedUnit::answer).containsExactly(Answer.MISSED);
  }

  @Test
  void aRoundShorterThanTheReminderOffsetRemindsTheSilentUnitsTheNextWorkingDayBeforeItCloses() {
    // Mon 03-02 to Wed 03-04: 3 working days before the deadline is before the start; remind on Tue 03-03.
    ConsultationDriver.at("2026-03-02T09:00");
    String title = "养老服务举措D" + System.nanoTime();
    String reminder = "【催告】《" + title + "》";
    String id = driver.started(title, LocalDate.of(2026, 3, 4));
    driver.answer(id, "jl-cz", "建议明确资金来源。");
    mail.sendDueMail();
    assertThat(mail.to("jlyjj-handler@demo.local", reminder)).as("not with the request").isEmpty();

    ConsultationDriver.at("2026-03-03T08:00");
    driver.executeJobs(id);
    mail.sendDueMail();
    assertThat(mail.to("jlyjj-handler@demo.local", reminder)).as("reminded before the close").isNotEmpty();
    assertThat(mail.to("jlwjw-handler@demo.local", reminder)).isNotEmpty();
    assertThat(mail.to("jlcz-handler@demo.local", reminder)).as("it has answered").isEmpty();
    assertThat(driver.tasks(id, "Task_UnitComments")).hasSize(2);
  }

  @Test
  void aSecondRoundAsksTheUnitsAgainOnTheRevisedDraft() {
    String id = driver.started("养老服务举措C" + System.nanoTime(), EngineClock.today().plusDays(20));
    for (String unit : ConsultationDriver.UNITS) {
      driver.answer(id, unit, unit.equals("jl-cz") ? "第二条须细化。" : null);
    }
    driver.executeJobs(id);
    comments.handle(unitComment(comments.of(id), "jl-cz").id(), Handling.PARTLY, "细化了服务项目，标准另定。", "jlmz-handler");
    String due = EngineClock.today().plusDays(30).toString();
    assertThatThrownBy(() -> driver.complete(id, "Task_HandleComments", Map.of("nextStep", "ANOTHER_ROUND", "nextDue", due)))
        .hasMessageContaining("请先在征求意见页面保存修改后的草案");
    // Revised on the consultation's page, as the drafter does: the open handling form shows the new version at once.
    WebSession drafter = new WebSession(port);
    drafter.login("jlmz-handler", "demo");
    String page = drafter.get("/consultations/" + id).body();
    HttpResponse<String> revised = drafter.postForm("/consultations/" + id + "/versions", Map.of("_csrf", WebSession.csrfOf(page),
        "body", "第一条 总则。\n第二条 基本养老服务清单，含十六个服务项目。\n第三条 保障措施。", "note", "采纳财政厅意见"));
    assertThat(revised.statusCode()).isEqualTo(302);
    assertThat(consultations.versions(id)).hasSize(2);
    assertThat(engine.getTaskService().getVariableLocal(driver.task(id, "Task_HandleComments").getId(), "draftText"))
        .asString().contains("含十六个服务项目");
    driver.complete(id, "Task_HandleComments", Map.of("nextStep", "ANOTHER_ROUND", "nextDue", due));
    driver.executeJobs(id);

    Consultation second = consultations.get(id);
    assertThat(second.round()).isEqualTo(2);
    assertThat(second.commentDue()).isEqualTo(LocalDate.parse(due));
    assertThat(driver.tasks(id, "Task_UnitComments")).hasSize(3);
    assertThat(engine.getTaskService().getVariableLocal(driver.commentTask(id, "jl-cz").getId(), "draftText"))
        .asString().contains("含十六个服务项目");
    assertThat(VersionDiff.between(consultations.versions(id).get(0).body(), consultations.versions(id).get(1).body()))
        .anySatisfy(line -> assertThat(line.after()).contains("<ins>，含十六个服务项目</ins>"));
  }

  @Test
  void aPublicRoundTakesCommentsFromThePublicPageHeldForModeration() {
    ConsultationDriver.at("2026-04-01T09:00");
    String id = driver.started("养老服务举措D" + System.nanoTime(), LocalDate.of(2026, 4, 10));
    ConsultationDriver.UNITS.forEach(unit -> driver.answer(id, unit, null));
    driver.executeJobs(id);
    assertThatThrownBy(() -> driver.complete(id, "Task_HandleComments", Map.of("nextStep", "PUBLIC", "publicCloses", "2026-04-20")))
        .hasMessageContaining("不少于 30 日");
    driver.complete(id, "Task_HandleComments", Map.of("nextStep", "PUBLIC", "publicCloses", "2026-05-08"));
    driver.executeJobs(id);
    assertThat(consultations.get(id).stage()).isEqualTo(Stage.PUBLIC);

    WebSession visitor = new WebSession(port);
    String page = visitor.get("/public/consultations/" + id).body();
    assertThat(page).contains("提出意见和建议", "第一条 总则。");
    HttpResponse<String> wrong = visitor.postForm("/public/consultations/" + id + "/comments", Map.of(
        "_csrf", WebSession.csrfOf(page), "body", "建议提高高龄津贴。", "answer", "99", "challengeToken", token(page)));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("验证问题的答案不对", "建议提高高龄津贴。");
    HttpResponse<String> sent = visitor.postForm("/public/consultations/" + id + "/comments", Map.of(
        "_csrf", WebSession.csrfOf(wrong.body()), "author", "王女士", "body", "建议提高高龄津贴。",
        "answer", answer(wrong.body()), "challengeToken", token(wrong.body())));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("您的意见已收到", "审核后公开");
    Comment held = comments.of(id).stream().filter(comment -> comment.source() == Source.PUBLIC).findFirst().orElseThrow();
    assertThat(held.moderation()).isEqualTo(Moderation.PENDING);
    assertThat(visitor.get("/public/consultations/" + id).body()).doesNotContain("建议提高高龄津贴。");

    comments.moderate(held.id(), Moderation.SHOWN);
    assertThat(visitor.get("/public/consultations/" + id).body()).contains("建议提高高龄津贴。");
    ConsultationDriver.at("2026-05-09T00:01");
    driver.executeJobs(id);
    assertThat(consultations.get(id).stage()).isEqualTo(Stage.PUBLIC_HANDLING);
    String closed = visitor.get("/public/consultations/" + id).body();
    assertThat(closed).contains("征求意见已于 2026-05-08 截止").doesNotContain("提出意见和建议");
    assertThatThrownBy(() -> driver.complete(id, "Task_HandlePublicComments", Map.of("handlingConfirmed", true)))
        .hasMessageContaining("1 条已公开的意见未记录处理情况");
    comments.handle(held.id(), Handling.ADOPTED, null, "jlmz-handler");
    driver.complete(id, "Task_HandlePublicComments", Map.of("handlingConfirmed", true));

    assertThat(visitor.get("/public/consultations/" + id).body()).contains("意见及采纳情况", "采纳");
    String explanation = (String) engine.getTaskService().getVariableLocal(driver.task(id, "Task_Explanation").getId(), "explanation");
    assertThat(explanation).contains("2026年4月1日至2026年5月8日", "收到公众意见 1 条", "其中采纳 1 条", "3 个单位无意见");
  }

  @Test
  void bothSignOffLinksAreTheSameLinkPages() {
    assertThat(org.proposalhandling.link.SignOffLinkPages.class).isAssignableFrom(ConsultationSignOffLinkController.class);
    assertThat(ConsultationMail.TEMPLATE).as("the handling process's deadline mail").isEqualTo("deadline-notice");
  }

  private static Comment unitComment(List<Comment> received, String unitId) {
    return received.stream().filter(comment -> unitId.equals(comment.unitId())).findFirst().orElseThrow();
  }

  static String token(String page) {
    Matcher matcher = Pattern.compile("name=\"challengeToken\" value=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  /** Answers the page's question as a person would: reads the two Chinese numerals and adds them. */
  static String answer(String page) {
    Matcher matcher = Pattern.compile("验证问题：(.)加(.)等于几").matcher(page);
    assertThat(matcher.find()).isTrue();
    return String.valueOf(List.of(NUMERALS).indexOf(matcher.group(1)) + List.of(NUMERALS).indexOf(matcher.group(2)));
  }
}
