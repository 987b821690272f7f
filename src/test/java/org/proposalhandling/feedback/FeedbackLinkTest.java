package org.proposalhandling.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.feedback.internal.FeedbackRepository;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The proposer answers the feedback form from the link in the reply's mail, received over SMTP. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FeedbackLinkTest {

  static final String PROPOSER = "zhangsan@demo.local";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired FeedbackRepository feedbacks;
  final HttpClient http = HttpClient.newHttpClient();
  ItemDriver driver;
  MailCatcher mail;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ItemDriver(engine, outbox);
    mail = new MailCatcher(smtp, outbox);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theReplyArrivesWithTheLinkAndOpeningItChangesNothing() throws Exception {
    ProcessInstance instance = replied("K1");
    MimeMessage message = replyMail("K1").get(0);
    assertThat(MailCatcher.text(message)).contains("答复正文", "吉民议字〔");
    String link = feedbackLink(message);

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> page = get(link);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("以上答复您是否满意", "吉林省民政厅", "提交反馈", "name=\"viewport\"");
    }
    assertThat(instance).isWaitingAt("Task_Feedback");
    assertThat(mail.to("jlgov-clerk@demo.local", "第K1号")).hasSize(1);
  }

  @Test
  void satisfiedClosesTheItemAndASecondAnswerIsRefusedWithWhatWasRecorded() throws Exception {
    ProcessInstance instance = replied("K2");
    String link = feedbackLink(replyMail("K2").get(0));

    HttpResponse<String> answered = post(link, Map.of("satisfaction", "SATISFIED", "contactRating", "GOOD",
        "attitudeRating", "FAIR", "comments", "答复具体。"));
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).contains("感谢您的反馈", "满意", "答复具体。");
    driver.executeJobs(instance);
    assertThat(instance).isEnded();
    assertThat(feedbacks.find(instance.getBusinessKey(), 1).orElseThrow().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(feedbacks.find(instance.getBusinessKey(), 1).orElseThrow().recordedBy()).isNull();

    HttpResponse<String> again = post(link, Map.of("satisfaction", "UNSATISFIED"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("您已经反馈过", "满意");
    assertThat(feedbacks.find(instance.getBusinessKey(), 1).orElseThrow().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(get(link).body()).contains("已办结", "如有疑问，请联系吉林省民政厅承办人李静，电话 0431-88900001。")
        .doesNotContain("提交反馈");
  }

  @Test
  void basicallySatisfiedClosesTheItem() throws Exception {
    ProcessInstance instance = replied("K3");
    post(feedbackLink(replyMail("K3").get(0)), Map.of("satisfaction", "BASICALLY_SATISFIED"));
    driver.executeJobs(instance);
    assertThat(instance).isEnded();
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.CLOSED);
  }

  @Test
  void notSatisfiedIsHandledAgainAndTheSecondRoundIsFinal() throws Exception {
    // 07:30 in Shanghai is the day before in UTC: the answers are dated in the office's zone.
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2024, 9, 2, 7, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    ProcessInstance instance = replied("K4");
    MimeMessage firstReply = replyMail("K4").get(0);
    assertThat(MailCatcher.text(firstReply)).contains("已办理答复").doesNotContain("再次办理", "第2轮");
    String firstLink = feedbackLink(firstReply);
    // In the first round the page names no round (its form only says what 不满意 leads to: 再次办理).
    assertThat(get(firstLink).body()).doesNotContain("轮答复", "（再次办理）");
    assertThat(post(firstLink, Map.of("satisfaction", "UNSATISFIED", "comments", "请给出时间表。")).statusCode()).isEqualTo(200);
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_ContactRecord");
    assertThat(get(firstLink).body()).contains("再次办理", "沟通联系", "第1轮答复", "不满意的理由", "请给出时间表。", "2024-09-02")
        .doesNotContain("提交反馈", "2024-09-01");

    driver.recordContact(instance);
    driver.executeJobs(instance);
    assertThat((String) engine.getTaskService().getVariableLocal(driver.task(instance, "Task_DraftReply").getId(),
        "proposerComments")).contains("请给出时间表。");
    driver.draft(instance, "第二次答复");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    mail.sendDueMail();

    List<MimeMessage> replies = replyMail("K4");
    assertThat(replies).hasSize(2);
    assertThat(MailCatcher.text(replies.get(1))).contains("经再次办理，现作第2轮答复");
    assertThat(MailCatcher.html(replies.get(1))).contains("经再次办理，现作第2轮答复");
    // The first link still shows the progress, but cannot answer the second round.
    assertThat(get(firstLink).body()).contains("第二次答复").doesNotContain("提交反馈");
    String secondLink = feedbackLink(replies.get(1));
    String secondRound = get(secondLink).body();
    assertThat(secondRound).contains("第二次答复", "提交反馈", "第2轮答复（再次办理）的征询意见", "第2轮答复（再次办理）（吉民议字〔");
    // Above the form, the answer already given, under the round it rated.
    assertThat(answers(secondRound)).contains("第1轮答复", "不满意", "请给出时间表。").doesNotContain("第2轮答复");
    post(secondLink, Map.of("satisfaction", "UNSATISFIED", "comments", "仍不满意。"));
    driver.executeJobs(instance);
    assertThat(instance).isEnded();
    String answered = answers(get(secondLink).body());
    assertThat(answered).contains("第1轮答复", "请给出时间表。", "第2轮答复（再次办理）", "仍不满意。");
    assertThat(answered.indexOf("请给出时间表。")).isLessThan(answered.indexOf("仍不满意。"));
    assertThat(feedbacks.find(instance.getBusinessKey(), 2).orElseThrow().satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
  }

  @Test
  void noAnswerBringsOneReminderThenClosesAs未反馈() throws Exception {
    ClockUtil.setCurrentTime(at(2024, 9, 2));
    ProcessInstance instance = replied("K5");
    String link = feedbackLink(replyMail("K5").get(0));
    // 20 working days after Monday 2024-09-02: 09-03..06 (4), 09-09..13 (9), Saturday 09-14 is a make-up
    // working day (10), 中秋 09-15..17 off, 09-18..20 (13), 09-23..27 (18), Sunday 09-29 works (19), 09-30 (20).
    Job reminder = timer(instance, "Timer_FeedbackReminder");
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(LocalDateTime.of(2024, 9, 30, 23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));

    ClockUtil.setCurrentTime(at(2024, 10, 1));
    engine.getManagementService().executeJob(reminder.getId());
    driver.executeJobs(instance);
    mail.sendDueMail();
    assertThat(mail.to(PROPOSER, "【请反馈】")).filteredOn(m -> MailCatcher.subject(m).contains("第K5号")).hasSize(1);
    assertThat(instance).isWaitingAt("Task_Feedback");

    // Five working days of grace after 09-30: 国庆 10-01..07 off, 10-08..11 (4), Saturday 10-12 works (5).
    Job closing = timer(instance, "Timer_NoFeedback");
    assertThat(closing.getDuedate()).isEqualTo(Date.from(LocalDateTime.of(2024, 10, 12, 23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    ClockUtil.setCurrentTime(at(2024, 10, 13));
    engine.getManagementService().executeJob(closing.getId());
    assertThat(instance).isEnded();
    assertThat(feedbacks.find(instance.getBusinessKey(), 1).orElseThrow().satisfaction()).isEqualTo(Satisfaction.NO_RESPONSE);
    assertThat(mail.to(PROPOSER, "【请反馈】")).filteredOn(m -> MailCatcher.subject(m).contains("第K5号")).hasSize(1);

    // 未反馈 recorded, the link has expired with its task, and says whom to call.
    assertExpiredNamingTheHandler(get(link));
  }

  @Test
  void theLinkWorksThroughTheWholeFeedbackPeriodAndItsGrace() throws Exception {
    ClockUtil.setCurrentTime(at(2024, 9, 2));
    ProcessInstance instance = replied("K8");
    String link = feedbackLink(replyMail("K8").get(0));

    // Day 9, past the 7 days links used to live (item 0107's link answered 410 on day 9).
    ClockUtil.setCurrentTime(at(2024, 9, 11));
    assertThat(get(link).body()).contains("提交反馈");

    ClockUtil.setCurrentTime(at(2024, 10, 1));
    engine.getManagementService().executeJob(timer(instance, "Timer_FeedbackReminder").getId());
    driver.executeJobs(instance);
    mail.sendDueMail();
    // The last day of the grace period (see the timer's due date above), late in the evening.
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2024, 10, 12, 23, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    assertThat(get(link).body()).contains("提交反馈");
    HttpResponse<String> answered = post(link, Map.of("satisfaction", "SATISFIED"));
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).contains("感谢您的反馈");
    assertThat(feedbacks.find(instance.getBusinessKey(), 1).orElseThrow().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
  }

  @Test
  void anAnswerOnPaperEndsTheLinkWhichThenNamesWhomToCall() throws Exception {
    ProcessInstance instance = replied("K9");
    String link = feedbackLink(replyMail("K9").get(0));
    driver.feedback(instance, "BASICALLY_SATISFIED", "书面反馈。");

    assertExpiredNamingTheHandler(get(link));
    assertExpiredNamingTheHandler(post(link, Map.of("satisfaction", "UNSATISFIED")));
    assertThat(feedbacks.find(instance.getBusinessKey(), 1).orElseThrow().satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
  }

  @Test
  void anUnknownTokenOrOneForAnotherPurposeChangesNothing() throws Exception {
    ProcessInstance instance = replied("K6");
    HttpResponse<String> unknown = post("http://localhost:8080/links/feedback/not-a-token", Map.of("satisfaction", "SATISFIED"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    String link = feedbackLink(replyMail("K6").get(0));
    String token = link.substring(link.lastIndexOf('/') + 1);
    assertThat(post("http://localhost:8080/links/sign-off/" + token, Map.of("decision", "approve")).statusCode()).isEqualTo(404);
    assertThat(instance).isWaitingAt("Task_Feedback");
  }

  @Test
  void theProgressViewShowsNoInternalData() throws Exception {
    ProcessInstance instance = driver.register("K7");
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    driver.giveOpinion(instance, "jl-cz", "内部会办意见：资金紧张。");
    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.draft(instance, "初稿");
    driver.review(instance, false, "内部审核意见：数据要核实。");
    driver.draft(instance, "定稿");
    driver.review(instance, true, "同意");
    driver.signOff(instance, true, "同意签发");
    driver.executeJobs(instance);
    mail.sendDueMail();

    String html = get(feedbackLink(replyMail("K7").get(0))).body();
    assertThat(html).contains("吉林省民政厅", "吉林省财政厅", "定稿")
        .doesNotContain("内部审核意见", "内部会办意见", "初稿", "李静", "0431-88900001", "同意签发");
  }

  /** The page's list of the proposer's answers. */
  private static String answers(String html) {
    int start = html.indexOf("id=\"answers\"");
    assertThat(start).as("the page lists the answers").isNotNegative();
    return html.substring(start, html.indexOf("</section>", start));
  }

  private static void assertExpiredNamingTheHandler(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(page.body()).contains("链接已过期", "如有疑问，请联系吉林省民政厅承办人李静，电话 0431-88900001。")
        .doesNotContain("提交反馈");
  }

  private ProcessInstance replied(String number) {
    ProcessInstance instance = driver.replied(number);
    mail.sendDueMail();
    return instance;
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  private static Date at(int year, int month, int day) {
    return Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
  }

  private List<MimeMessage> replyMail(String number) {
    return mail.to(PROPOSER, "【答复】").stream().filter(m -> MailCatcher.subject(m).contains("第" + number + "号")).toList();
  }

  private static String feedbackLink(MimeMessage message) {
    return MailCatcher.links(MailCatcher.text(message)).stream().filter(l -> l.contains("/links/feedback/")).findFirst().orElseThrow();
  }

  private String local(String url) {
    return url.replace("http://localhost:8080", "http://localhost:" + port);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(local(url))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
    String body = String.join("&", form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    return http.send(HttpRequest.newBuilder(URI.create(local(url))).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
