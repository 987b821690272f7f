package org.proposalhandling.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The delivered reply's letter: attached to the delivery mails (over SMTP to GreenMail), downloadable by the
 * item's office and units, and published without login when it is 主动公开 and the proposer agreed.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DisclosureTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  @Autowired ReplyRepository replies;
  @Autowired JdbcClient jdbc;
  @Autowired ItemSearch search;
  ItemDriver driver;
  MailCatcher mail;
  Http http;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
    mail = new MailCatcher(smtp, outbox);
    http = new Http(port);
  }

  @Test
  void theDeliveryMailsCarryTheLetterAsPdfAndTheItemsUnitsDownloadIt() throws Exception {
    ProcessInstance instance = delivered("DQ1", "yes", "PUBLIC", "jl-cz");
    String id = instance.getBusinessKey();
    String number = replies.get(id, 1).documentNumber();
    String date = chineseDate(EngineClock.today());
    assertThat(mail.sendDueMail()).isZero();

    MimeMessage toProposer = mail.to("zhangsan@demo.local", "第DQ1号").get(0);
    MailCatcher.Pdf letter = pdfAttachment(toProposer);
    assertThat(letter.name()).isEqualTo("答复函" + number + ".pdf");
    assertThat(Http.pdfText(letter.content())).contains(number, date, "答复正文DQ1", "此件主动公开");
    // Built without Jakarta Mail's class-path scan per MIME part (mail.MimeParts): the dispatcher named the provider.
    assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    MimeMessage toCoUnit = mail.to("jlcz-handler@demo.local", "第DQ1号").get(0);
    assertThat(toCoUnit.getSubject()).contains("【抄送】");
    assertThat(Http.pdfText(pdfAttachment(toCoUnit).content())).contains(number);

    String url = "/items/" + id + "/reply-1.pdf";
    HttpResponse<byte[]> lead = http.get(url, "jlmz-handler");
    assertThat(lead.statusCode()).isEqualTo(200);
    assertThat(lead.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(Http.pdfText(lead.body())).contains(number, date);
    assertThat(http.get(url, "jlcz-handler").statusCode()).isEqualTo(200);
    assertThat(http.get(url, "jlgov-clerk").statusCode()).isEqualTo(200);
    assertThat(http.get(url, "czmz-handler").statusCode()).isEqualTo(404);
    assertThat(http.get(url, "jlyjj-handler").statusCode()).isEqualTo(404);
    assertThat(http.get("/items/" + id + "/reply-2.pdf", "jlmz-handler").statusCode()).isEqualTo(404);
    assertThat(http.get(url, null).statusCode()).isEqualTo(401);
  }

  @Test
  void thePublicListShowsExactlyThePublicConsentedRepliesAndNothingElseAnswers() throws Exception {
    String published = delivered("DQ2", "yes", "PUBLIC").getBusinessKey();
    String notPublic = delivered("DQ3", "yes", "NOT_PUBLIC").getBusinessKey();
    String noConsent = delivered("DQ4", "yes", "PUBLIC", true).getBusinessKey();
    String onRequest = delivered("DQ5", "yes", "ON_REQUEST").getBusinessKey();

    // Every delivered round's reply (the other tests' too): published exactly when 主动公开 with consent.
    Set<String> expected = new HashSet<>(jdbc.sql("""
            select concat(r.item_id, '/', r.round) from reply r join item i on i.id = r.item_id
            where r.delivered_at is not null and r.disclosure = 'PUBLIC' and i.publication_consent = true""")
        .query(String.class).list());
    Set<String> listed = new HashSet<>(jdbc.sql("select concat(item_id, '/', round) from publication").query(String.class).list());
    assertThat(listed).isEqualTo(expected).contains(published + "/1")
        .doesNotContain(notPublic + "/1", noConsent + "/1", onRequest + "/1");

    HttpResponse<String> list = http.getText("/public/replies", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(list.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
    long items = expected.stream().map(reply -> reply.substring(0, reply.indexOf('/'))).distinct().count();
    assertThat(list.body()).contains("共 " + items + " 件", "第DQ2号").doesNotContain("第DQ3号", "第DQ4号", "第DQ5号");

    Map<String, Object> row = jdbc.sql("select id, index_number from publication where item_id = ?").param(published)
        .query().singleRow();
    String number = replies.get(published, 1).documentNumber();
    int year = EngineClock.today().getYear();
    assertThat((String) row.get("index_number")).matches("11220000013544496H/" + year + "-\\d{5}");
    assertThat(jdbc.sql("select summary from item_event where item_id = ? and kind = 'PUBLISHED'").param(published)
        .query(String.class).list()).as("the item's history records the publication")
        .containsExactly("索引号 " + row.get("index_number"));
    HttpResponse<String> page = http.getText("/public/replies/" + row.get("id"), null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("索引号", (String) row.get("index_number"), "分类", "委员提案;议案", "发文机关", "吉林省民政厅",
            "成文日期", "标题", "对省政协十三届一次会议第DQ2号委员提案的答复", "发文字号", number, "发布日期",
            EngineClock.today().toString(), "答复正文DQ2",
            "承办人：李静", "联系电话：0431-88900001")
        .doesNotContain("zhangsan@demo.local", "电话联系提出人", "建议在每个社区设立养老服务站点", "李静（");
    HttpResponse<byte[]> pdf = http.get("/public/replies/" + row.get("id") + ".pdf", null);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(Http.pdfText(pdf.body())).contains(number);

    for (String hidden : List.of(notPublic, noConsent, onRequest)) {
      assertThat(http.getText("/public/replies/" + hidden, null).statusCode()).isEqualTo(404);
      assertThat(http.get("/public/replies/" + hidden + ".pdf", null).statusCode()).isEqualTo(404);
    }
    assertThat(http.getText("/public/replies/no-such-reply", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theKeywordSearchFindsPublishedRepliesOnlyAndNeverAnUnpublishedText() throws Exception {
    Map<String, Object> intake = new HashMap<>(ItemDriver.intake("DK" + System.nanoTime()));
    intake.put("content", "建议修缮翡翠桥并设立观星台。");
    String published = delivered(intake, "张三委员：\n关于玳瑁岛渡口的改造，我厅已列入计划。", "PUBLIC", false).getBusinessKey();
    Map<String, Object> closed = new HashMap<>(ItemDriver.intake("DN" + System.nanoTime()));
    String unpublished = delivered(closed, "张三委员：\n关于珊瑚礁监测站，答复不予公开。", "NOT_PUBLIC", false).getBusinessKey();
    // Both in the index (the office finds them), so what the public search leaves out it leaves out on purpose.
    await().atMost(Duration.ofSeconds(30)).until(() -> search.items("玳瑁岛渡口", Set.of("jl-gov")).contains(published)
        && search.items("珊瑚礁监测站", Set.of("jl-gov")).contains(unpublished)
        && search.items("翡翠桥", Set.of("jl-gov")).contains(published));

    String found = http.getText("/public/replies?q=" + encoded("玳瑁岛渡口"), null).body();
    assertThat(found).contains("共 1 件", "第" + intake.get("number") + "号", "<mark>");
    // A seed case's reply, by a term of its own, among the published: D13's (吉林) and 14146's (长治).
    assertThat(http.getText("/public/replies?q=" + encoded("医养结合"), null).body())
        .contains("第D13号", "第14146号", "<mark>");
    // The unpublished reply and the proposal's own text (never on a public page) are found by no one here.
    assertThat(http.getText("/public/replies?q=" + encoded("珊瑚礁监测站"), null).body())
        .contains("共 0 件", "没有符合条件的公开答复。").doesNotContain("<mark>", "答复不予公开");
    assertThat(http.getText("/public/replies?q=" + encoded("翡翠桥"), null).body())
        .contains("共 0 件", "没有符合条件的公开答复。").doesNotContain("<mark>", "观星台");
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void theListSearchesByYearUnitAndKind() throws Exception {
    delivered("DQ6", "yes", "PUBLIC");
    int year = EngineClock.today().getYear();
    assertThat(http.getText("/public/replies?year=" + year + "&unit=jl-mz&kind=MEMBER_PROPOSAL", null).body()).contains("第DQ6号");
    assertThat(http.getText("/public/replies?kind=DEPUTY_SUGGESTION", null).body()).doesNotContain("第DQ6号");
    assertThat(http.getText("/public/replies?unit=cz-mz", null).body()).doesNotContain("第DQ6号");
    assertThat(http.getText("/public/replies?year=2023", null).body()).doesNotContain("第DQ6号");
    assertThat(http.getText("/public/replies?year=abc&page=-3", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aSecondRoundsReplySupersedesTheFirstInTheListAndTheFirstIsMarkedOnItsPage() throws Exception {
    ProcessInstance instance = delivered("DQ7", "yes", "PUBLIC");
    driver.feedback(instance, "UNSATISFIED", "答复过于笼统。");
    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.complete(instance, "Task_DraftReply", Map.of("replyText", "张三委员：\n第二轮答复正文DQ7", "category", "B",
        "disclosure", "PUBLIC", "handlerName", "李静", "handlerPhone", "0431-88900001"));
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    String first = publicationOf(instance, 1);
    String second = publicationOf(instance, 2);

    String list = http.getText("/public/replies?kind=MEMBER_PROPOSAL", null).body();
    assertThat(list).contains("/public/replies/" + second).doesNotContain("/public/replies/" + first);
    assertThat(list.split("第DQ7号", -1)).as("one row for the item").hasSize(2);

    String latest = http.getText("/public/replies/" + second, null).body();
    assertThat(latest).contains("第二轮答复正文DQ7", "此前的答复", "/public/replies/" + first, "已被第 2 轮答复取代")
        .doesNotContain("本答复已被第 2 轮答复取代");
    HttpResponse<String> superseded = http.getText("/public/replies/" + first, null);
    assertThat(superseded.statusCode()).isEqualTo(200);
    assertThat(superseded.body()).contains("答复正文DQ7", "本答复已被第 2 轮答复取代", "/public/replies/" + second);
  }

  private String publicationOf(ProcessInstance instance, int round) {
    return jdbc.sql("select id from publication where item_id = ? and round = ?").params(instance.getBusinessKey(), round)
        .query(String.class).single();
  }

  private ProcessInstance delivered(String number, String consent, String disclosure, String... coUnits) {
    return delivered(number, consent, disclosure, false, coUnits);
  }

  /**
   * An item of 张三 (MEMBER_PROPOSAL) drafted with this disclosure, signed, numbered and delivered; the consent
   * may be withdrawn after drafting (the drafting form already refuses 主动公开 without consent).
   */
  private ProcessInstance delivered(String number, String consent, String disclosure, boolean consentWithdrawn,
                                    String... coUnits) {
    Map<String, Object> intake = new HashMap<>(ItemDriver.intake(number));
    intake.put("publicationConsent", consent);
    return delivered(intake, "张三委员：\n答复正文" + number, disclosure, consentWithdrawn, coUnits);
  }

  private ProcessInstance delivered(Map<String, Object> intake, String replyText, String disclosure,
                                    boolean consentWithdrawn, String... coUnits) {
    String number = (String) intake.get("number");
    ProcessInstance instance = driver.register(intake);
    driver.accept(instance);
    driver.assign(instance, "jl-mz", coUnits);
    driver.recordContact(instance);
    for (String unit : coUnits) {
      driver.giveOpinion(instance, unit, "会办意见" + number);
    }
    driver.executeJobs(instance);
    driver.complete(instance, "Task_DraftReply", Map.of("replyText", replyText, "category", "B",
        "disclosure", disclosure, "handlerName", "李静", "handlerPhone", "0431-88900001"));
    if (consentWithdrawn) {
      jdbc.sql("update item set publication_consent = false where id = ?").param(instance.getBusinessKey()).update();
    }
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    return instance;
  }

  private static String chineseDate(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** The mail's reply letter; the 征询意见表 goes beside it to the proposer. */
  private static MailCatcher.Pdf pdfAttachment(MimeMessage message) {
    List<MailCatcher.Pdf> letters = MailCatcher.pdfs(message).stream().filter(pdf -> pdf.name().startsWith("答复函")).toList();
    assertThat(letters).hasSize(1);
    return letters.get(0);
  }
}
