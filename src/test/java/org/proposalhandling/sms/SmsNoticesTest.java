package org.proposalhandling.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.directory.Notice;
import org.proposalhandling.directory.NoticeChannels;
import org.proposalhandling.directory.People;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.sms.SmppCatcher.Caught;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The first notices by SMS, through the demo's SMPP server in this JVM (jSMPP's server side, a real SMPP 3.4
 * session): the assignment texts the lead unit's handler; the sign-off request texts the official a link on the
 * same single-use token as his mail's, and the link signs off; the gateway's delivery receipt reaches the item's
 * timeline on the item page; a gateway that refuses binds holds up no step. The tests send what is due through the outbox, as the SMS threads do.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SmsNoticesTest {

  /** The demo's numbers (seeds/demo/users.yaml). */
  static final String HANDLER_MOBILE = "13800000001";
  static final String OFFICIAL_MOBILE = "13800000002";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox mailOutbox;
  @Autowired SmsOutbox smsOutbox;
  @Autowired SmppCatcher gateway;
  @Autowired GreenMail smtp;
  @Autowired JdbcClient jdbc;
  @Autowired People people;
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, mailOutbox);
    smsOutbox.sendDue();  // what the demo's items left
    gateway.clear();
  }

  @Test
  void anAssignmentTextsTheLeadUnitsHandlerAndTheReceiptReachesTheTimeline() {
    ProcessInstance item = driver.register("S1");
    driver.accept(item);
    driver.assign(item, "jl-mz");

    assertThat(smsOutbox.sendDue()).isZero();
    List<Caught> texts = textsTo(HANDLER_MOBILE);
    assertThat(texts).hasSize(1);
    Caught text = texts.get(0);
    assertThat(text.text()).startsWith("【吉林省人民政府办公厅】您单位收到交办件").contains("第S1号", "关于加强社区养老服务的建议");
    assertThat(text.clientId()).isEqualTo(jdbc.sql("select id from sms_message where subject_id = ? and purpose = 'assignment'")
        .param(item.getBusinessKey()).query(String.class).single());

    // The demo's page of caught texts shows it, the number whole (it is the demo's own gateway).
    assertThat(new WebSession(port).get("/dev/sms").body()).contains("演示短信", HANDLER_MOBILE, "第S1号");

    awaitReceipt(text.clientId());
    assertThat(jdbc.sql("select receipt_state from sms_message where id = ?").param(text.clientId()).query(String.class).single())
        .isEqualTo("DELIVRD");
    WebSession clerk = new WebSession(port);
    clerk.login("jlgov-clerk", "demo");
    assertThat(clerk.get("/items/" + item.getBusinessKey()).body()).contains("短信已发送", "短信已送达", "发往 138****0001")
        .doesNotContain(HANDLER_MOBILE);
  }

  @Test
  void aSignOffRequestTextsTheOfficialALinkOnTheMailsTokenThatSignsOff() {
    ProcessInstance item = driver.atDrafting("S2", "jl-mz");
    driver.draft(item, "答复正文S2");
    driver.review(item, true, null);
    new MailCatcher(smtp, mailOutbox).sendDueMail();

    assertThat(smsOutbox.sendDue()).isZero();
    List<Caught> texts = textsTo(OFFICIAL_MOBILE);
    assertThat(texts).hasSize(1);
    assertThat(texts.get(0).text()).contains("孙立新", "第S2号", "待您签发");
    // Longer than one SMS: it went as concatenated segments and arrived whole.
    assertThat(texts.get(0).segments()).isGreaterThan(1);
    List<String> links = MailCatcher.links(texts.get(0).text());
    assertThat(links).hasSize(1);
    // The text's link is the one token of the official's mail: one row for him, whichever he uses.
    assertThat(jdbc.sql("select count(*) from link_token where subject_id = ? and holder = 'jlmz-official'")
        .param(item.getBusinessKey()).query(Integer.class).single()).isEqualTo(1);

    String path = links.get(0).replaceFirst("^https?://[^/]+", "");
    WebSession official = new WebSession(port);
    assertThat(official.get(path).body()).contains("确认同意签发", "答复正文S2");
    assertThat(official.postForm(path, Map.of("decision", "approve")).statusCode()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(item.getId())
        .taskDefinitionKey("Task_SignOff").finished().count()).isEqualTo(1);
  }

  @Test
  void aGatewayThatRefusesBindsHoldsUpNoStepAndTheTextGoesOnceItAnswers() {
    ProcessInstance item = driver.register("S3");
    driver.accept(item);
    gateway.behave(SmppCatcher.Behaviour.REFUSE_BINDS);
    try {
      driver.assign(item, "jl-mz");
      assertThat(driver.task(item, "Task_ContactRecord")).isNotNull();
      assertThat(smsOutbox.sendDue()).isEqualTo(1);
      assertThat(textsTo(HANDLER_MOBILE)).isEmpty();
    } finally {
      gateway.behave(SmppCatcher.Behaviour.ANSWER);
    }
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis()));
    try {
      assertThat(smsOutbox.sendDue()).isZero();
    } finally {
      ClockUtil.reset();
    }
    assertThat(textsTo(HANDLER_MOBILE)).singleElement().extracting(Caught::text).asString().contains("第S3号");
  }

  @Test
  void aHandlerWhoChoosesSmsForRemindersGetsTheYellowWarningAsATextInsteadOfAMail() {
    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    String page = handler.get("/me/notices").body();
    assertThat(page).contains("我的通知方式", "催办提醒", HANDLER_MOBILE);
    HttpResponse<String> refused = handler.postForm("/me/notices",
        Map.of("_csrf", WebSession.csrfOf(page), "mobile", "12345", Notice.DEADLINE.name(), NoticeChannels.SMS.name()));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("「12345」不是有效的手机号码", "未保存任何更改");
    assertThat(people.channelsOf("jlmz-handler", Notice.DEADLINE)).isEqualTo(NoticeChannels.MAIL);
    assertThat(handler.postForm("/me/notices", Map.of("_csrf", WebSession.csrfOf(page), "mobile", "+86 138-0000-0001",
        Notice.DEADLINE.name(), NoticeChannels.SMS.name())).statusCode()).isEqualTo(302);
    assertThat(handler.get("/me/notices").body()).contains("已保存");
    try {
      ProcessInstance item = driver.register("S4");
      driver.accept(item);
      driver.assign(item, "jl-mz");
      smsOutbox.sendDue();
      gateway.clear();
      Job yellow = engine.getManagementService().createJobQuery().processInstanceId(item.getId())
          .activityId("Timer_YellowWarning").singleResult();
      ClockUtil.setCurrentTime(new Date(yellow.getDuedate().getTime() + Duration.ofMinutes(1).toMillis()));
      driver.executeJobs(item);
      MailCatcher mail = new MailCatcher(smtp, mailOutbox);
      mail.sendDueMail();
      smsOutbox.sendDue();

      assertThat(textsTo(HANDLER_MOBILE)).singleElement().extracting(Caught::text).asString()
          .startsWith("【吉林省人民政府办公厅】【黄牌提醒】").contains("第S4号", "个工作日");
      assertThat(mail.to("jlmz-handler@demo.local", "第S4号")).as("SMS instead of mail")
          .noneMatch(message -> MailCatcher.subject(message).contains("黄牌"));
      assertThat(mail.to("jlmz-head@demo.local", "第S4号")).as("the head kept the default")
          .anyMatch(message -> MailCatcher.subject(message).contains("黄牌"));
    } finally {
      people.saveNoticeSettings("jlmz-handler", HANDLER_MOBILE, Map.of(Notice.DEADLINE, NoticeChannels.MAIL));
      ClockUtil.reset();
    }
  }

  @Test
  void aProposerAndACoSignerWithoutEmailAreToldOfTheReplyByTextWithTheirOwnFeedbackLinks() {
    Map<String, Object> form = ItemDriver.intake("S5");
    form.remove("proposerEmail");
    form.put("proposerPhone", "+86 139 0000 0011");
    form.put("coSigners", "李四（民建界，13900000012）、王五（民盟界，wangwu@demo.local，13900000013）");
    ProcessInstance item = driver.replied(form);
    new MailCatcher(smtp, mailOutbox).sendDueMail();
    assertThat(smsOutbox.sendDue()).isZero();

    Caught toProposer = textsTo("13900000011").stream().filter(text -> text.text().contains("第S5号")).findFirst().orElseThrow();
    assertThat(toProposer.text()).contains("张三：您的", "已答复", "答复函将邮寄给您", "/links/feedback/");
    assertThat(textsTo("13900000012")).singleElement().extracting(Caught::text).asString()
        .contains("李四：您的", "/links/co-signer-feedback/");
    assertThat(textsTo("13900000013")).as("who has an address gets the mail only").isEmpty();

    String path = MailCatcher.links(toProposer.text()).get(0).replaceFirst("^https?://[^/]+", "");
    WebSession proposer = new WebSession(port);
    assertThat(proposer.get(path).body()).contains("答复正文");
    assertThat(proposer.postForm(path, Map.of("satisfaction", "SATISFIED",
        "contactRating", "GOOD", "attitudeRating", "GOOD", "comments", "满意")).statusCode()).isEqualTo(200);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(item.getId())
        .taskDefinitionKey("Task_Feedback").finished().count()).isEqualTo(1);
  }

  @Test
  void theOfficeChoosesSmsForAProposerWithAnAddressAndHeIsTextedTheReplyAndTheReminderWhileTheLetterIsPosted() {
    Map<String, Object> refused = ItemDriver.intake("S6");
    refused.put("proposerNotice", "PIGEON");
    assertThatThrownBy(() -> driver.register(refused)).hasMessageContaining("「答复通知方式（提出人及附议人）」的取值“PIGEON”无效");

    Map<String, Object> form = ItemDriver.intake("S6");
    form.put("proposerPhone", "13900000021");
    form.put("proposerNotice", "SMS");
    ProcessInstance item = driver.replied(form);
    MailCatcher mail = new MailCatcher(smtp, mailOutbox);
    mail.sendDueMail();
    smsOutbox.sendDue();

    assertThat(mail.to("zhangsan@demo.local", "第S6号")).as("SMS alone: no reply mail").isEmpty();
    assertThat(textsTo("13900000021")).singleElement().extracting(Caught::text).asString()
        .contains("第S6号已答复", "答复函将邮寄给您", "/links/feedback/");
    assertThat(driver.task(item, "Task_Feedback")).as("the posted reply left with the delivery step").isNotNull();

    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(item.getId())
        .activityId("Timer_FeedbackReminder").singleResult();
    ClockUtil.setCurrentTime(new Date(reminder.getDuedate().getTime() + Duration.ofMinutes(1).toMillis()));
    try {
      driver.executeJobs(item);
      smsOutbox.sendDue();
    } finally {
      ClockUtil.reset();
    }
    assertThat(textsTo("13900000021")).hasSize(2).last().extracting(Caught::text).asString()
        .contains("第S6号的答复尚待您评价", "/links/feedback/");
    assertThat(jdbc.sql("select summary from item_event where item_id = ? and kind = 'FEEDBACK_REMINDED'")
        .param(item.getBusinessKey()).query(String.class).single()).isEqualTo("已发短信提醒提出人反馈");
  }

  private List<Caught> textsTo(String mobile) {
    return gateway.caught().stream().filter(text -> text.to().equals(mobile)).toList();
  }

  /** The receipt comes on the gateway's own thread, just after the answer to the submit. */
  private void awaitReceipt(String smsId) {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (jdbc.sql("select count(*) from sms_message where id = ? and receipt_state is not null").param(smsId)
        .query(Integer.class).single() == 0) {
      assertThat(System.nanoTime()).as("no receipt for " + smsId).isLessThan(until);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
