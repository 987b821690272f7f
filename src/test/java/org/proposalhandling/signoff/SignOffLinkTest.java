package org.proposalhandling.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The official signs off from the links of a real mail, received over SMTP by GreenMail. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SignOffLinkTest {

  static final String OFFICIAL = "jlmz-official@demo.local";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired ReplyRepository replies;
  @Autowired JdbcClient jdbc;
  @Autowired LinkTokens tokens;
  final HttpClient http = HttpClient.newHttpClient();
  ItemDriver driver;
  MailCatcher mail;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
    mail = new MailCatcher(smtp, outbox);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theMailCarriesTheDraftAndBothLinksAndOpeningALinkChangesNothing() throws Exception {
    ProcessInstance instance = atSignOff("M1", "关于加强社区养老服务的建议");
    MimeMessage message = signOffMail("M1").get(0);

    assertThat(message.getSubject()).contains("【待签发】", "第M1号");
    assertThat(MailCatcher.html(message)).contains("同意签发", "退回修改", "答复正文M1");
    assertThat(MailCatcher.text(message)).contains("答复正文M1", "承办人：李静（0431-88900001）").doesNotContain("再次办理");
    List<String> links = MailCatcher.links(MailCatcher.text(message));
    assertThat(links).hasSize(2);

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> page = get(links.get(0));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("确认同意签发", "答复正文M1");
      // The field the POST reads, named unlike the link's ?action= (a browser sends both, and both named
      // action reached the controller as "approve,approve": 无法识别的操作).
      assertThat(page.body()).contains("name=\"decision\" value=\"approve\"");
      assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }
    assertThat(get(links.get(1)).body()).contains("确认退回修改").doesNotContain("再次办理", "不满意的理由");
    assertThat(instance).satisfies(ignored -> assertThat(driver.task(instance, "Task_SignOff")).isNotNull());
  }

  @Test
  void inRehandlingTheMailAndThePageSayTheRoundAndShowTheProposersReasonAndTheFirstReply() throws Exception {
    ProcessInstance instance = driver.rehandling("M10", "答复没有说明经费来源和时间表。");
    String firstNumber = replies.get(instance.getBusinessKey(), 1).documentNumber();
    driver.draft(instance, "第二轮答复正文M10");
    driver.review(instance, true, null);
    mail.sendDueMail();

    // Both rounds' mails leave now; written within one second, they may arrive in either order.
    List<MimeMessage> mails = signOffMail("M10");
    assertThat(mails).hasSize(2);
    assertThat(mails).filteredOn(mail -> MailCatcher.subject(mail).contains("【再次办理】")).hasSize(1);
    MimeMessage message = mails.stream().filter(mail -> MailCatcher.subject(mail).contains("【再次办理】")).findFirst()
        .orElseThrow();
    assertThat(MailCatcher.text(message)).contains("本件为再次办理（第2轮）", "第二轮答复正文M10");
    assertThat(MailCatcher.html(message)).contains("本件为再次办理（第2轮）");
    HttpResponse<String> page = get(MailCatcher.links(MailCatcher.text(message)).get(0));
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("再次办理（第2轮）", "提出人不满意的理由", "答复没有说明经费来源和时间表。",
        "第1轮答复（" + firstNumber + "）", ">答复正文</div>", "第2轮答复稿全文", "第二轮答复正文M10", "确认同意签发");
    // At the top: the official reads the round and the reason before the proposal and the draft.
    assertThat(html.indexOf("再次办理（第2轮）")).isLessThan(html.indexOf("建议提案内容"));
    assertThat(html.indexOf("第1轮答复（")).isLessThan(html.indexOf("第二轮答复正文M10"));
  }

  @Test
  void approvingThroughThePostSignsTheReplyAndTheLinkThenSaysItWasUsed() throws Exception {
    ProcessInstance instance = atSignOff("M2", "标题M2");
    String approve = MailCatcher.links(MailCatcher.text(signOffMail("M2").get(0))).get(0);

    HttpResponse<String> done = post(approve, Map.of("decision", "approve"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("已同意签发");
    driver.executeJobs(instance);
    assertThat(driver.task(instance, "Task_Feedback")).isNotNull();
    assertThat(replies.get(instance.getBusinessKey(), 1).signedBy()).isEqualTo("jlmz-official");

    HttpResponse<String> again = post(approve, Map.of("decision", "approve"));
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("链接已使用");
  }

  @Test
  void theLinkActsForItsOfficialWhoeverElseIsSignedInInTheSameBrowser() throws Exception {
    ProcessInstance instance = atSignOff("M20", "标题M20");
    String approve = local(MailCatcher.links(MailCatcher.text(signOffMail("M20").get(0))).get(0));
    WebSession clerk = new WebSession(port);
    clerk.login("jlgov-clerk", "demo");
    String path = approve.substring(approve.indexOf("/links/"));

    HttpResponse<String> page = clerk.get(path);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("标题M20").doesNotContain("无权签发");
    HttpResponse<String> done = clerk.postForm(path, Map.of("decision", "approve"));
    assertThat(done.body()).contains("已同意签发");
    driver.executeJobs(instance);
    assertThat(replies.get(instance.getBusinessKey(), 1).signedBy()).isEqualTo("jlmz-official");
  }

  @Test
  void returningNeedsACommentThatTheDrafterThenSees() throws Exception {
    ProcessInstance instance = atSignOff("M3", "标题M3");
    String returnLink = MailCatcher.links(MailCatcher.text(signOffMail("M3").get(0))).get(1);

    HttpResponse<String> refused = post(returnLink, Map.of("decision", "return", "comment", " "));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("须填写意见说明");
    assertThat(driver.task(instance, "Task_SignOff")).isNotNull();

    HttpResponse<String> returned = post(returnLink, Map.of("decision", "return", "comment", "请补充资金安排。"));
    assertThat(returned.statusCode()).isEqualTo(200);
    String draftTask = driver.task(instance, "Task_DraftReply").getId();
    assertThat((String) engine.getTaskService().getVariableLocal(draftTask, "returnComments")).contains("请补充资金安排。");
  }

  @Test
  void aNewSignOffSupersedesTheOldLinks() throws Exception {
    ProcessInstance instance = atSignOff("M4", "标题M4");
    String oldApprove = MailCatcher.links(MailCatcher.text(signOffMail("M4").get(0))).get(0);
    driver.signOff(instance, false, "请修改。");
    driver.draft(instance, "修改稿M4");
    driver.review(instance, true, null);
    mail.sendDueMail();

    HttpResponse<String> old = get(oldApprove);
    assertThat(old.statusCode()).isEqualTo(410);
    assertThat(old.body()).contains("链接已失效");
    List<MimeMessage> mails = signOffMail("M4");
    assertThat(mails).hasSize(2);
    String newApprove = MailCatcher.links(MailCatcher.text(mails.get(1))).get(0);
    assertThat(newApprove).isNotEqualTo(oldApprove);
    assertThat(get(newApprove).body()).contains("修改稿M4");
  }

  @Test
  void aSignOffDoneInTasklistEndsTheLinkWhichThenNamesWhomToCall() throws Exception {
    ProcessInstance instance = atSignOff("M5", "标题M5");
    String approve = MailCatcher.links(MailCatcher.text(signOffMail("M5").get(0))).get(0);
    driver.signOff(instance, true, null);

    for (HttpResponse<String> page : List.of(get(approve), post(approve, Map.of("decision", "approve")))) {
      assertThat(page.statusCode()).isEqualTo(410);
      assertThat(page.body()).contains("链接已过期", "已在系统中办理", "如有疑问，请联系本单位承办人李静，电话 0431-88900001。");
    }
  }

  @Test
  void theLinksWorkAsLongAsTheSignOffTaskIsOpen() throws Exception {
    ProcessInstance instance = atSignOff("M6", "标题M6");
    List<String> links = MailCatcher.links(MailCatcher.text(signOffMail("M6").get(0)));
    // A month on, well past the 7 days links used to live: the reply still waits for its sign-off.
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));

    assertThat(get(links.get(1)).body()).contains("确认退回修改");
    HttpResponse<String> approved = post(links.get(0), Map.of("decision", "approve"));
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.body()).contains("已同意签发");
    assertThat(replies.get(instance.getBusinessKey(), 1).signedBy()).isEqualTo("jlmz-official");

    HttpResponse<String> used = get(links.get(1));
    assertThat(used.statusCode()).isEqualTo(410);
    assertThat(used.body()).contains("链接已使用", "本单位承办人李静");
  }

  @Test
  void anUnknownLinkSaysSo() throws Exception {
    HttpResponse<String> unknown = get("http://localhost:" + port + "/links/sign-off/no-such-token");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("链接无效");
  }

  @Test
  void twoPostsAtOnceCompleteTheTaskExactlyOnce() throws Exception {
    ProcessInstance instance = atSignOff("M7", "标题M7");
    String approve = MailCatcher.links(MailCatcher.text(signOffMail("M7").get(0))).get(0);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> posts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      posts.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
          return post(approve, Map.of("decision", "approve")).statusCode();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    start.countDown();
    List<Integer> statuses = posts.stream().map(CompletableFuture::join).toList();

    assertThat(statuses).containsOnlyOnce(200);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_SignOff").finished().count()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from review_note where item_id = ? and stage = 'SIGN_OFF'")
        .param(instance.getBusinessKey()).query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void whileSmtpIsDownTheMailWaitsAndTheProcessStaysThenItArrivesOnce() throws Exception {
    smtp.stop();
    ProcessInstance instance;
    try {
      instance = atSignOff("M8", "标题M8");
      assertThat(driver.task(instance, "Task_SignOff")).isNotNull();
      assertThat(jdbc.sql("select count(*) from mail_message where subject_id = ? and sent_at is null")
          .param(instance.getBusinessKey()).query(Integer.class).single()).isEqualTo(1);
      assertThat(mailTasksOf(instance)).anyMatch(task -> task.getErrorMessage() != null);
    } finally {
      smtp.start();
    }
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 2 * 60 * 1000));
    mail.sendDueMail();
    mail.sendDueMail();

    List<MimeMessage> received = signOffMail("M8");
    assertThat(received).hasSize(1);
    String storedId = jdbc.sql("select message_id from mail_message where subject_id = ? and purpose = 'sign-off'")
        .param(instance.getBusinessKey()).query(String.class).single();
    assertThat(received.get(0).getMessageID()).isEqualTo(storedId);
    assertThat(mailTasksOf(instance)).noneMatch(task -> task.getErrorMessage() != null);
  }

  /** The mail tasks of the item's mails (the demo's failed delivery keeps a failed one of its own). */
  private List<ExternalTask> mailTasksOf(ProcessInstance item) {
    List<String> mails = jdbc.sql("select id from mail_message where subject_id = ?").param(item.getBusinessKey())
        .query(String.class).list();
    return mails.stream().flatMap(mail -> engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey("mail-dispatch").processInstanceBusinessKey(mail).list().stream())
        .flatMap(dispatch -> engine.getExternalTaskService().createExternalTaskQuery()
            .processInstanceId(dispatch.getId()).list().stream())
        .toList();
  }

  @Test
  void userTextIsEscapedInTheMail() throws Exception {
    atSignOff("M9", "<script>alert('x')</script>");
    MimeMessage message = signOffMail("M9").get(0);
    assertThat(MailCatcher.html(message)).doesNotContain("<script>").contains("&lt;script&gt;");
  }

  @Test
  void theStoredMailHoldsNoUsableTokenAndItsResendStillWorks() throws Exception {
    ProcessInstance instance = atSignOff("M19", "标题M19");
    String approve = MailCatcher.links(MailCatcher.text(signOffMail("M19").get(0))).get(0);
    String token = approve.replaceAll(".*/links/sign-off/([^?]+).*", "$1");
    List<String> stored = jdbc.sql("select text_body, html_body from mail_message where subject_id = ? and purpose = 'sign-off'")
        .param(instance.getBusinessKey()).query((rs, row) -> rs.getString("text_body") + rs.getString("html_body")).list();
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).doesNotContain(token).contains("{{link:");
    assertThat(jdbc.sql("select count(*) from link_token where token_hash = ?").param(token).query(Integer.class).single()).isZero();
    // The placeholder's id alone opens nothing.
    String placeholderId = stored.get(0).replaceAll("(?s).*\\{\\{link:([0-9a-f-]{36})}}.*", "$1");
    assertThat(get("http://localhost:8080/links/sign-off/" + placeholderId).statusCode()).isEqualTo(404);

    // Sent again (a retry after a crash), the mail renders the same working link from its placeholder.
    assertThat(tokens.render(stored.get(0))).contains(token);
    assertThat(get(approve).statusCode()).isEqualTo(200);
  }

  private ProcessInstance atSignOff(String number, String title) {
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("title", title);
    ProcessInstance instance = driver.atDrafting(form, "jl-mz");
    driver.draft(instance, "答复正文" + number);
    driver.review(instance, true, null);
    mail.sendDueMail();
    return instance;
  }

  private List<MimeMessage> signOffMail(String number) {
    return mail.to(OFFICIAL, "第" + number + "号");
  }

  /** Links carry the configured public address (port 8080); the test's server listens elsewhere. */
  private String local(String url) {
    return url.replace("http://localhost:8080", "http://localhost:" + port);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(local(url))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
    String body = String.join("&", form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    // To the link as mailed, query included: the page's form has no action, so a browser posts to the URL it shows.
    String target = local(url);
    return http.send(HttpRequest.newBuilder(URI.create(target)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
