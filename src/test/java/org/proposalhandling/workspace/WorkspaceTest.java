package org.proposalhandling.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over HTTP on the demo data: each role lands on its 工作台 after signing in; every task count is the engine's
 * for the user, every item count is the number of items the ledger lists behind its link; a unit never counts
 * another unit's items; the office's register of reminders and supervision, filtered and exported.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class WorkspaceTest {

  private static final Pattern STAGE_ROW = Pattern.compile(
      "<tr data-stage=\"([^\"]+)\">.*?class=\"mine\"[^>]*>(\\d+)</a>.*?class=\"unclaimed\"[^>]*>(\\d+)</a>", Pattern.DOTALL);
  private static final Pattern TILE = Pattern.compile(
      "href=\"/items\\?([^\"]+)\">\\s*<span class=\"number\">(\\d+)</span>", Pattern.DOTALL);
  private static final Pattern LEDGER_TOTAL = Pattern.compile("id=\"total\">(\\d+)<");
  /** The stage each of the item process's user tasks is shown under (the README's stage table). */
  private static final Map<String, List<String>> TASKS_OF_STAGE = Map.of(
      "待立案审查", List.of("Task_AcceptanceReview"), "待交办", List.of("Task_Assignment"),
      "会办及沟通", List.of("Task_CoHandlingOpinion", "Task_ContactRecord"), "起草答复", List.of("Task_DraftReply"),
      "审核答复", List.of("Task_ReviewReply"), "待签发", List.of("Task_SignOff"), "督办", List.of("Task_Supervise"),
      "已答复（纸质反馈）", List.of("Task_Feedback"), "延期申请待审批", List.of("Task_DecideExtension"),
      "调整交办申请待审核", List.of("Task_DecideReassignment"));

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void eachRoleLandsOnItsWorkspaceWhoseCountsAreTheListsTheyOpen() {
    Map<String, String> pages = new LinkedHashMap<>();
    for (String user : List.of("jlgov-clerk", "jlmz-handler", "jlmz-head", "jlmz-official", "jlcz-handler", "czgov-clerk")) {
      WebSession session = new WebSession(port);
      HttpResponse<String> login = session.login(user, "demo");
      assertThat(login.headers().firstValue("Location").orElseThrow()).as(user).isEqualTo("http://localhost:" + port + "/");
      HttpResponse<String> home = session.get("/");
      assertThat(home.statusCode()).as(user).isEqualTo(200);
      assertThat(home.body()).contains("<h1>工作台</h1>", "台账", "退出");
      Map<String, long[]> shown = stages(home.body());
      for (Map.Entry<String, List<String>> stage : TASKS_OF_STAGE.entrySet()) {
        long[] expected = {0, 0};
        stage.getValue().forEach(key -> {
          expected[0] += engine.getTaskService().createTaskQuery().processDefinitionKey("proposal-handling")
              .taskDefinitionKey(key).taskAssignee(user).count();
          expected[1] += engine.getTaskService().createTaskQuery().processDefinitionKey("proposal-handling")
              .taskDefinitionKey(key).taskCandidateGroupIn(groupsOf(user)).count();
        });
        assertThat(shown.getOrDefault(stage.getKey(), new long[2])).as(user + " " + stage.getKey()).containsExactly(expected);
      }
      assertThat(tiles(home.body())).as(user).isNotEmpty()
          .allSatisfy((query, count) -> assertThat(ledgerTotal(session, query)).as(user + " " + query).isEqualTo(count));
      pages.put(user, home.body());
    }
    // The demo's items: 0101 waits for acceptance review and 0102 for assignment at the office, 0105's draft for
    // the head's review, 0106 for the official's sign-off.
    assertThat(stages(pages.get("jlgov-clerk"))).containsKeys("待立案审查", "待交办");
    assertThat(pages.get("jlgov-clerk")).contains("id=\"office\"", "已答复、等待反馈", "送达失败", "延期申请待审批",
        "/workspace/reminders").doesNotContain("id=\"sign-offs\"", "id=\"administration\"");
    assertThat(stages(pages.get("jlmz-head"))).containsKey("审核答复");
    assertThat(pages.get("jlmz-handler")).doesNotContain("id=\"office\"", "id=\"sign-offs\"");
    assertThat(pages.get("jlmz-official")).contains("id=\"sign-offs\"", "0106");
    String signOffTitle = titleOf("0106");
    assertThat(pages.get("jlmz-official")).contains(signOffTitle);
    assertThat(pages.get("czgov-clerk")).doesNotContain(signOffTitle);

    WebSession admin = new WebSession(port);
    assertThat(admin.login("admin", adminPassword).headers().firstValue("Location").orElseThrow()).endsWith(port + "/");
    assertThat(admin.get("/").body()).contains("id=\"administration\"", "/camunda/app/cockpit/default/",
        "/camunda/app/admin/default/", "/actuator/health").doesNotContain("id=\"office\"");
  }

  @Test
  void anotherUnitNeverCountsAnItemThatIsNotItsOwn() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    String number = "WO" + System.nanoTime();
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("title", "关于民政厅逾期事项的建议" + number);
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(200, ChronoUnit.DAYS)));
    driver.atDrafting(form, "jl-mz");
    ClockUtil.reset();

    long civilAffairs = redCount("jlmz-handler");
    long office = redCount("jlgov-clerk");
    long finance = redCount("jlcz-handler");
    long otherOffice = redCount("czgov-clerk");
    assertThat(civilAffairs).isPositive();
    assertThat(office).isPositive();

    String second = "WP" + System.nanoTime();
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(200, ChronoUnit.DAYS)));
    driver.atDrafting(second, "jl-mz");
    ClockUtil.reset();
    assertThat(redCount("jlmz-handler")).isEqualTo(civilAffairs + 1);
    assertThat(redCount("jlgov-clerk")).isEqualTo(office + 1);
    assertThat(redCount("jlcz-handler")).as("another unit's handler").isEqualTo(finance);
    assertThat(redCount("czgov-clerk")).as("another office's clerk").isEqualTo(otherOffice);

    WebSession financeClerk = session("jlcz-handler");
    HttpResponse<String> register = financeClerk.get("/workspace/reminders");
    assertThat(register.statusCode()).isEqualTo(403);
    assertThat(register.body()).contains("仅供交办机构");
    HttpResponse<byte[]> export = financeClerk.getBytes("/workspace/reminders.xlsx");
    assertThat(export.statusCode()).isEqualTo(403);
    assertThat(new String(export.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("仅供交办机构");
  }

  @Test
  void theOfficesRegisterSaysWhoWasRemindedOfWhatAndWhatFollowedFilteredAndExported() throws Exception {
    ItemDriver driver = new ItemDriver(engine, outbox);
    String civil = "RM" + System.nanoTime();
    String finance = "RF" + System.nanoTime();
    // Assigned Friday 2024-09-27, reply due Fri 2024-12-27: yellow on 12-13, red and 督办 from 12-28.
    ProcessInstance civilItem = assigned(driver, civil, "jl-mz");
    ProcessInstance financeItem = assigned(driver, finance, "jl-cz");
    at("2024-12-13T08:30");
    driver.executeJobs(civilItem);
    driver.executeJobs(financeItem);
    at("2024-12-28T08:00");
    driver.executeJobs(civilItem);
    at("2024-12-30T09:00");
    // As the office's clerk, with his groups, so that the register names who supervised.
    String supervise = driver.task(civilItem, "Task_Supervise").getId();
    engine.getIdentityService().setAuthentication("jlgov-clerk", engine.getIdentityService().createGroupQuery()
        .groupMember("jlgov-clerk").list().stream().map(Group::getId).toList());
    try {
      engine.getFormService().submitTaskForm(supervise, Map.of("supervisionMeans", "PHONE",
          "supervisionNote", "电话督促省民政厅，承诺一周内答复。"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    at("2024-12-31T10:00");
    driver.recordContact(civilItem);
    ClockUtil.reset();

    WebSession clerk = session("jlgov-clerk");
    String all = clerk.get("/workspace/reminders").body();
    assertThat(rowsOf(all, civil)).containsExactly(
        List.of("2024-12-30 09:00", civil, "吉林省民政厅", "督办", "电话督促省民政厅，承诺一周内答复。", "沟通联系（2024-12-31 10:00）"),
        List.of("2024-12-28 08:00", civil, "吉林省民政厅", "红牌督办", "已超过答复期限 2024-12-27", "沟通联系（2024-12-31 10:00）"),
        List.of("2024-12-13 08:30", civil, "吉林省民政厅", "黄牌提醒", "答复期限 2024-12-27，剩余 10 个工作日", "沟通联系（2024-12-31 10:00）"));
    assertThat(rowsOf(all, finance)).containsExactly(
        List.of("2024-12-13 08:30", finance, "吉林省财政厅", "黄牌提醒", "答复期限 2024-12-27，剩余 10 个工作日", "尚无后续办理"));

    String civilOnly = clerk.get("/workspace/reminders?unit=jl-mz").body();
    assertThat(rowsOf(civilOnly, civil)).hasSize(3);
    assertThat(civilOnly).doesNotContain(finance);
    String supervisionOnly = clerk.get("/workspace/reminders?kind=SUPERVISED").body();
    assertThat(rowsOf(supervisionOnly, civil)).extracting(row -> row.get(3)).containsExactly("督办");
    assertThat(supervisionOnly).doesNotContain(finance);

    HttpResponse<byte[]> export = clerk.getBytes("/workspace/reminders.xlsx?unit=jl-mz&kind=YELLOW_WARNING");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
    List<List<String>> sheet = sheet(export.body());
    assertThat(sheet.get(0)).containsExactly("时间", "编号", "标题", "主办单位", "类型", "经办人", "内容", "后续办理");
    assertThat(sheet).anySatisfy(row -> assertThat(row).contains(civil, "黄牌提醒", "沟通联系（2024-12-31 10:00）"));
    assertThat(sheet).allSatisfy(row -> assertThat(row).doesNotContain(finance, "督办", "红牌督办"));
    // Who acted, by name (the login id is no one's name); a timer's reminder by the system.
    List<List<String>> everything = sheet(clerk.getBytes("/workspace/reminders.xlsx?unit=jl-mz").body());
    assertThat(everything).anySatisfy(row -> assertThat(row).contains(civil, "督办", "刘敏").doesNotContain("jlgov-clerk"));
    assertThat(everything).anySatisfy(row -> assertThat(row).contains(civil, "黄牌提醒", "系统"));

    // Another office: neither the register nor its export holds these items, whatever unit it asks for.
    WebSession otherOffice = session("czgov-clerk");
    assertThat(otherOffice.get("/workspace/reminders").body()).doesNotContain(civil, finance);
    assertThat(otherOffice.get("/workspace/reminders?unit=jl-mz").body()).doesNotContain(civil);
    assertThat(sheet(otherOffice.getBytes("/workspace/reminders.xlsx?unit=jl-mz").body()))
        .allSatisfy(row -> assertThat(row).doesNotContain(civil));
  }

  private ProcessInstance assigned(ItemDriver driver, String number, String leadUnit) {
    at("2024-09-27T10:00");
    ProcessInstance instance = driver.register(ItemDriver.intake(number));
    driver.accept(instance);
    driver.assign(instance, leadUnit);
    return instance;
  }

  private static void at(String beijingTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingTime).atZone(EngineClock.zone()).toInstant()));
  }

  private WebSession session(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }

  /** The user's count of overdue items, checked against the ledger's list behind it. */
  private long redCount(String user) {
    WebSession session = session(user);
    Long count = tiles(session.get("/").body()).get("overdue=true");
    assertThat(ledgerTotal(session, "overdue=true")).as(user).isEqualTo(count);
    return count;
  }

  private List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private String titleOf(String number) {
    return jdbc.sql("select title from item where item_number = ?").param(number).query(String.class).single();
  }

  private static Map<String, long[]> stages(String page) {
    Map<String, long[]> stages = new LinkedHashMap<>();
    Matcher row = STAGE_ROW.matcher(page);
    while (row.find()) {
      stages.put(row.group(1), new long[] {Long.parseLong(row.group(2)), Long.parseLong(row.group(3))});
    }
    return stages;
  }

  private static Map<String, Long> tiles(String page) {
    Map<String, Long> tiles = new LinkedHashMap<>();
    Matcher tile = TILE.matcher(page);
    while (tile.find()) {
      tiles.put(tile.group(1).replace("&amp;", "&"), Long.parseLong(tile.group(2)));
    }
    return tiles;
  }

  private static long ledgerTotal(WebSession session, String query) {
    Matcher total = LEDGER_TOTAL.matcher(session.get("/items?" + query).body());
    assertThat(total.find()).as(query).isTrue();
    return Long.parseLong(total.group(1));
  }

  /** The register's rows of one item: time, number, unit, kind, summary, what followed. */
  private static List<List<String>> rowsOf(String page, String number) {
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr>\\s*<td>([^<]*)</td>\\s*<td><a class=\"number\"[^>]*>" + number
        + "</a></td>\\s*<td>.*?</td>\\s*<td>([^<]*)</td>\\s*<td class=\"kind\">([^<]*)</td>\\s*<td>[^<]*</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>",
        Pattern.DOTALL).matcher(page);
    while (row.find()) {
      rows.add(List.of(row.group(1), number, row.group(2), row.group(3), row.group(4), row.group(5)));
    }
    return rows;
  }

  private static List<List<String>> sheet(byte[] xlsx) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Row row : workbook.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        rows.add(cells);
      }
    }
    return rows;
  }
}
