package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #40: past years' items with their replies, loaded from the demo's file (seeds/demo/past-replies.csv)
 * through the page as the office's clerk: closed as history, found by the search and offered by the drafting
 * help; a file with errors loads nothing; loading a file again doubles nothing.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class PastRepliesTest {

  static final Path DEMO_FILE = Path.of("seeds/demo/past-replies.csv");
  static final String SESSION = "省政协十二届五次会议";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired ReplyRepository replies;
  @Autowired ItemSearch search;
  @Autowired JdbcClient jdbc;

  @Test
  void theDemoFileLoadsClosedItemsWithTheirRepliesAndLoadingItAgainDoublesNothing() throws Exception {
    HttpResponse<String> first = upload("past-replies.csv", Files.readAllBytes(DEMO_FILE), "load");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    Item item = items.findBySessionAndNumber(SESSION, "H0301").orElseThrow();
    assertThat(item.status()).isEqualTo(ItemStatus.HISTORY);
    assertThat(item.leadUnitId()).isEqualTo("jl-mz");
    assertThat(item.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    assertThat(item.processInstanceId()).isNull();
    Reply reply = replies.get(item.id(), 1);
    assertThat(reply.category()).isEqualTo("B");
    assertThat(reply.documentNumber()).isEqualTo("吉民议字〔2022〕31号");
    assertThat(reply.deliveredAt()).isNotNull();
    assertThat(reply.body()).startsWith("王晓梅委员：\n");
    assertThat(items.findBySessionAndNumber("省十三届人大五次会议", "0533").orElseThrow().satisfaction()).isNull();

    HttpResponse<String> again = upload("past-replies.csv", Files.readAllBytes(DEMO_FILE), "load");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("已导入 0 件，4 件此前已导入，已跳过。");
    assertThat(jdbc.sql("select count(*) from item where item_number in ('H0301', 'H0302', '0517', '0533')")
        .query(Integer.class).single()).isEqualTo(4);
    assertThat(jdbc.sql("select count(*) from reply where item_id = ?").param(item.id()).query(Integer.class).single())
        .isEqualTo(1);
    WebSession clerk = session("jlgov-clerk");
    assertThat(clerk.get("/items/" + item.id()).body()).contains("已办结（历史导入）");
  }

  @Test
  void theStatisticsCountThemInTheirOwnSessionAndDatesOnly() throws Exception {
    upload("past-replies.csv", Files.readAllBytes(DEMO_FILE), "load");
    WebSession clerk = session("jlgov-clerk");

    JsonNode session = JSON.readTree(clerk.get("/statistics/data?session=" + URLEncoder.encode(SESSION, StandardCharsets.UTF_8)).body());
    JsonNode theirYear = JSON.readTree(clerk.get("/statistics/data?from=2022-01-01&to=2022-12-31").body());
    JsonNode later = JSON.readTree(clerk.get("/statistics/data?from=2023-01-01").body());

    assertThat(figure(session.at("/bySession"), SESSION, "RECEIVED")).isEqualTo(2);
    assertThat(figure(session.at("/bySession"), SESSION, "CLOSED")).isEqualTo(2);
    assertThat(figure(theirYear.at("/bySession"), SESSION, "CLOSED")).isEqualTo(2);
    assertThat(later.at("/bySession/rows").findValuesAsText("key")).doesNotContain(SESSION, "省十三届人大五次会议");
  }

  /** A session's count in a table of the statistics' data. */
  private static long figure(JsonNode table, String rowKey, String columnKey) {
    List<String> columns = table.path("columns").findValuesAsText("key");
    for (JsonNode row : table.path("rows")) {
      if (row.path("key").asText().equals(rowKey)) {
        return row.path("values").get(columns.indexOf(columnKey)).asLong();
      }
    }
    throw new AssertionError("no row " + rowKey + " in " + table);
  }

  @Test
  void aFileWithErrorsNamesThemByLineAndColumnAndLoadsNothing() {
    String header = "会议届次,编号,类别,标题,内容,提出人（领衔人）,提出日期,主办单位,答复类别,答复文号,答复日期,答复内容,满意度";
    String good = "省政协十二届四次会议,E1,委员提案,关于一的建议,内容一,张三,2021-01-10,省民政厅,A,,2021-06-01,答复一,满意";
    String bad = "省政协十二届四次会议,E2,委员提案,关于二的建议,内容二,张三,2021-13-40,不存在的厅,E,,,,很好";
    byte[] file = (header + "\n" + good + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = upload("errors.csv", file, "load");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("未导入任何内容");
    List<String> rows = List.of(response.body().split("<tr class=\"import-error\">"));
    assertThat(rows).anySatisfy(row -> assertThat(row).contains("<td>3</td>").contains("<td>提出日期</td>").contains("2021-13-40"))
        .anySatisfy(row -> assertThat(row).contains("<td>3</td>").contains("<td>主办单位</td>"))
        .anySatisfy(row -> assertThat(row).contains("<td>3</td>").contains("<td>答复类别</td>").contains("可填：A、B、C"))
        .anySatisfy(row -> assertThat(row).contains("<td>3</td>").contains("<td>答复日期</td>").contains("必填"))
        .anySatisfy(row -> assertThat(row).contains("<td>3</td>").contains("<td>答复内容</td>").contains("必填"))
        .anySatisfy(row -> assertThat(row).contains("<td>3</td>").contains("<td>满意度</td>").contains("很好"));
    assertThat(items.findBySessionAndNumber("省政协十二届四次会议", "E1")).isEmpty();
  }

  @Test
  void theSearchFindsAnImportedReplyAndTheDraftingHelpOffersItForANewItemOnItsSubject() throws Exception {
    upload("past-replies.csv", Files.readAllBytes(DEMO_FILE), "load");
    String past = items.findBySessionAndNumber(SESSION, "H0301").orElseThrow().id();
    await().atMost(Duration.ofSeconds(30)).until(() -> search.items("中央厨房", Set.of("jl-mz")), found -> found.contains(past));
    assertThat(search.passages("中央厨房", List.of(past)).get(past).where()).isEqualTo("答复");

    Map<String, Object> form = ItemDriver.intake("PR" + System.nanoTime() % 10_000_000);
    form.put("title", "关于完善社区老年助餐服务的建议");
    form.put("content", "社区老年助餐点覆盖不足，独居高龄老人就餐困难。建议扩大老年助餐点布局，给予困难老人就餐补贴，鼓励餐饮企业参与助餐配送。");
    String drafting = new ItemDriver(engine, outbox).atDrafting(form, "jl-mz").getBusinessKey();

    String page = session("jlmz-handler").get("/items/" + drafting).body();
    assertThat(page.substring(page.indexOf("id=\"similar-items\""))).contains("/items/" + past)
        .contains(SESSION + "第H0301号");
  }

  private HttpResponse<String> upload(String fileName, byte[] file, String action) {
    WebSession clerk = session("jlgov-clerk");
    String csrf = WebSession.csrfOf(clerk.get("/imports/history").body());
    return clerk.postMultipart("/imports/history", Map.of("_csrf", csrf, "action", action), fileName, file,
        Duration.ofSeconds(60));
  }

  private WebSession session(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }
}
