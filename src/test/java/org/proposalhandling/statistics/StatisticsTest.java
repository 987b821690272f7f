package org.proposalhandling.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.statistics.StatisticsFixture.PROPOSALS;
import static org.proposalhandling.statistics.StatisticsFixture.SUGGESTIONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The figures of {@link StatisticsFixture}, counted by hand, read over HTTP as the office and as two units
 * would: the JSON, the page and the workbook, which must agree.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest {

  static final String OFFICE = "jlgov-clerk:demo";
  static final String MZ = "jlmz-handler:demo";
  static final String CZ = "jlcz-handler:demo";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DeadlineRequests requests;
  @Autowired MailOutbox outbox;
  @Autowired ObjectMapper json;

  @BeforeAll
  void buildFixture() {
    try {
      new StatisticsFixture(engine, outbox, requests).build();
    } finally {
      ClockUtil.reset();
    }
  }

  @BeforeEach
  void readOnTheDay() {
    StatisticsFixture.at(StatisticsFixture.TODAY);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theOfficeReadsEachSessionAsCountedByHand() throws Exception {
    JsonNode report = data(OFFICE, Map.of("session", PROPOSALS));
    assertThat(figures(report.at("/bySession"), PROPOSALS)).containsExactlyEntriesOf(expected(
        7, 5, 1, 5, 2, 4, 4, 3, 3, 1, 1, 1, 0, 1, 2, 1, 1, 0, 1, 1, 1, 0, 1, 0.8, 0.75, 2.0 / 3));
    assertThat(report.at("/bySession/rows")).hasSize(1);
    assertThat(report.at("/title").asText()).isEqualTo(PROPOSALS);

    // A reassigned item counts for the unit that asked; it is now the new lead unit's item.
    JsonNode suggestions = data(OFFICE, Map.of("session", SUGGESTIONS));
    assertThat(figures(suggestions.at("/bySession"), SUGGESTIONS)).containsExactlyEntriesOf(expected(
        1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1.0, 1.0, 0.0));
    assertThat(figures(suggestions.at("/byUnit"), "吉林省卫生健康委员会")).containsExactlyEntriesOf(unitExpected(
        1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1.0, 1.0, 0.0));
    assertThat(figures(suggestions.at("/byUnit"), "吉林省民政厅")).containsExactlyEntriesOf(unitExpected(
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null));
  }

  @Test
  void theOfficeReadsEachUnitOfTheSession() throws Exception {
    JsonNode units = data(OFFICE, Map.of("session", PROPOSALS)).at("/byUnit");
    assertThat(names(units)).containsExactly("吉林省民政厅", "吉林省财政厅");
    // 省民政厅 leads P1, P2, P3, P6: replied P1 (on time), P2 (late), P3 (on time, extended; re-handled).
    assertThat(figures(units, "吉林省民政厅")).containsExactlyEntriesOf(unitExpected(
        4, 0, 3, 3, 3, 2, 1, 1, 1, 0, 1, 2, 0, 1, 0, 1, 1, 1, 0, 0, 0.75, 2.0 / 3, 2.0 / 3));
    // 省财政厅 leads P8 and co-handles P2 and P6.
    assertThat(figures(units, "吉林省财政厅")).containsExactlyEntriesOf(unitExpected(
        1, 2, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1.0, 1.0, null));
    assertThat(figures(units.at("/total"))).containsEntry("ASSIGNED", 5.0).containsEntry("CO_HANDLED", 2.0);
  }

  @Test
  void thePeriodCountsTheItemsRegisteredInIt() throws Exception {
    JsonNode report = data(OFFICE, Map.of("session", PROPOSALS, "from", "2024-09-10", "to", "2024-09-30"));
    assertThat(figures(report.at("/bySession"), PROPOSALS)).containsEntry("RECEIVED", 1.0).containsEntry("ACCEPTED", 0.0);
    assertThat(report.at("/title").asText()).contains("2024-09-10", "2024-09-30");
  }

  @Test
  void theChartsCarryTheSameFigures() throws Exception {
    JsonNode charts = data(OFFICE, Map.of("session", PROPOSALS)).at("/charts");
    assertThat(texts(charts.at("/units"))).containsExactly("吉林省民政厅", "吉林省财政厅");
    assertThat(charts.at("/perUnit/0/data").toString()).isEqualTo("[4,1]");
    assertThat(charts.at("/perUnit/1/data").toString()).isEqualTo("[0,2]");
    assertThat(charts.at("/satisfaction").toString())
        .isEqualTo("[{\"name\":\"满意\",\"value\":1},{\"name\":\"基本满意\",\"value\":1},{\"name\":\"不满意\",\"value\":1},{\"name\":\"未反馈\",\"value\":0}]");
    // Stages: 未交办 holds P5 (不予立案) and P7 (待立案审查).
    assertThat(texts(charts.at("/stageUnits"))).containsExactly("吉林省民政厅", "吉林省财政厅", "未交办");
    Map<String, String> stages = new LinkedHashMap<>();
    charts.at("/stages").forEach(series -> stages.put(series.get("name").asText(), series.get("data").toString()));
    assertThat(stages).containsEntry("已办结", "[3,0,0]").containsEntry("会办及沟通", "[1,0,0]")
        .containsEntry("已答复，待反馈", "[0,1,0]").containsEntry("不予立案", "[0,0,1]").containsEntry("待立案审查", "[0,0,1]");
    // Five replies delivered (P1, P8 10-08; P2 12-03; P3 12-20 and 2025-01-10); six due (four on 12-02, P3's
    // on 2025-01-15 and 2025-01-20), from the week of Mon 2024-10-07 to that of Mon 2025-01-20.
    List<String> weeks = texts(charts.at("/weeks"));
    assertThat(weeks.get(0)).isEqualTo("2024-10-07");
    assertThat(weeks.get(weeks.size() - 1)).isEqualTo("2025-01-20");
    assertThat(charts.at("/weekly/0/data/0").asLong()).isEqualTo(2);
    assertThat(charts.at("/weekly/0/data/" + (weeks.size() - 1)).asLong()).isEqualTo(5);
    assertThat(charts.at("/weekly/1/data/" + (weeks.size() - 1)).asLong()).isEqualTo(6);
  }

  @Test
  void aUnitReadsOnlyItsOwnItemsAndRow() throws Exception {
    JsonNode mz = data(MZ, Map.of("session", PROPOSALS));
    assertThat(names(mz.at("/byUnit"))).containsExactly("吉林省民政厅");
    // Its own items: P1, P2, P3, P6 (the office's P5, P7 and 省财政厅's P8 are not).
    assertThat(figures(mz.at("/bySession"), PROPOSALS)).containsEntry("RECEIVED", 4.0).containsEntry("REJECTED", 0.0)
        .containsEntry("AWAITING_FEEDBACK", 0.0);
    JsonNode cz = data(CZ, Map.of("session", PROPOSALS));
    assertThat(names(cz.at("/byUnit"))).containsExactly("吉林省财政厅");
    assertThat(figures(cz.at("/bySession"), PROPOSALS)).containsEntry("RECEIVED", 3.0).containsEntry("CO_HANDLED", 2.0);
    assertThat(texts(cz.at("/sessions"))).contains(PROPOSALS).doesNotContain(SUGGESTIONS);

    // Another unit's figures are refused, on the page, in the data and in the workbook.
    for (String path : List.of("/statistics", "/statistics/data", "/statistics.xlsx")) {
      HttpResponse<byte[]> other = get(path, MZ, Map.of("session", PROPOSALS, "unit", "jl-cz"));
      assertThat(other.statusCode()).as(path).isEqualTo(403);
      assertThat(new String(other.body(), StandardCharsets.UTF_8)).as(path).contains("您无权查看该单位的统计");
    }
    String page = text(get("/statistics", MZ, Map.of("session", PROPOSALS)));
    assertThat(page).contains("吉林省民政厅").doesNotContain("吉林省财政厅</th>");
  }

  @Test
  void nobodyAnonymousAndNoOneWithoutAUnit() throws Exception {
    for (String path : List.of("/statistics", "/statistics/data", "/statistics.xlsx")) {
      assertThat(get(path, null, Map.of()).statusCode()).as(path).isEqualTo(401);
    }
    HttpResponse<byte[]> admin = get("/statistics", "admin:demo", Map.of());
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(text(admin)).contains("没有可查看的统计");
    HttpResponse<byte[]> badDate = get("/statistics/data", OFFICE, Map.of("from", "2024-13-01"));
    assertThat(badDate.statusCode()).isEqualTo(400);
    assertThat(text(badDate)).contains("不是有效的日期");
    assertThat(get("/statistics", OFFICE, Map.of("from", "2024-10-01", "to", "2024-09-01")).statusCode()).isEqualTo(400);
  }

  @Test
  void thePageShowsTheTablesTheDefinitionsAndTheChartsData() throws Exception {
    HttpResponse<byte[]> response = get("/statistics", OFFICE, Map.of("session", PROPOSALS));
    assertThat(response.statusCode()).isEqualTo(200);
    String page = text(response);
    assertThat(page).contains("办理统计：" + PROPOSALS, "按会议统计", "按承办单位统计", "答复率", "按期答复率", "满意率",
        "未反馈计入分母、从不计为满意", "/webjars/echarts/5.3.1/dist/echarts.min.js", "id=\"statistics-data\"",
        "80.0%", "75.0%", "66.7%", "/statistics.xlsx?session=");
    assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js", null, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void theWorkbookHoldsTheSameFiguresAsNumbers() throws Exception {
    HttpResponse<byte[]> response = get("/statistics.xlsx", OFFICE, Map.of("session", PROPOSALS));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    JsonNode report = data(OFFICE, Map.of("session", PROPOSALS));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
      assertThat(sheetNames(workbook)).containsExactly("按会议统计", "按承办单位统计", "按人统计满意度", "办理阶段", "满意度", "每周答复", "指标说明");
      Sheet sessions = workbook.getSheet("按会议统计");
      assertThat(sessions.getRow(0).getCell(0).getStringCellValue()).contains(PROPOSALS, "导出日期：2025-01-20", "吉林省人民政府办公厅");
      assertSameTable(sessions, report.at("/bySession"));
      assertSameTable(workbook.getSheet("按承办单位统计"), report.at("/byUnit"));
      Row p = sessions.getRow(2);
      assertThat(p.getCell(0).getStringCellValue()).isEqualTo(PROPOSALS);
      assertThat(p.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(p.getCell(1).getNumericCellValue()).isEqualTo(7);
      Cell replyRate = p.getCell(column(sessions, "答复率"));
      assertThat(replyRate.getNumericCellValue()).isEqualTo(0.8);
      assertThat(replyRate.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      Sheet satisfaction = workbook.getSheet("满意度");
      assertThat(satisfaction.getRow(1).getCell(0).getStringCellValue()).isEqualTo("满意度");
      assertThat(satisfaction.getRow(5).getCell(0).getStringCellValue()).isEqualTo("未反馈");
      assertThat(satisfaction.getRow(5).getCell(1).getNumericCellValue()).isZero();
    }
  }

  // --- helpers ---------------------------------------------------------------------------------------------

  private static final List<String> FIGURES = List.of("RECEIVED", "ACCEPTED", "REJECTED", "ASSIGNED", "CO_HANDLED",
      "REPLIED", "DELIVERED", "CLOSED", "ON_TIME", "LATE", "OVERDUE", "EXTENSIONS", "REASSIGNMENTS", "REHANDLED",
      "CATEGORY_A", "CATEGORY_B", "CATEGORY_C", "CATEGORY_D", "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED",
      "NO_RESPONSE", "AWAITING_FEEDBACK", "REPLY_RATE", "ON_TIME_RATE", "SATISFACTION_RATE");

  private static Map<String, Double> expected(Number... values) {
    return zip(FIGURES, values);
  }

  /** The unit table has no intake columns. */
  private static Map<String, Double> unitExpected(Number... values) {
    return zip(FIGURES.subList(3, FIGURES.size()), values);
  }

  private static Map<String, Double> zip(List<String> keys, Number[] values) {
    assertThat(values).hasSize(keys.size());
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), values[i] == null ? null : round(values[i].doubleValue()));
    }
    return map;
  }

  /** The figures of the row with this name, by column key; rates rounded to 4 places. */
  private static Map<String, Double> figures(JsonNode table, String name) {
    for (JsonNode row : table.get("rows")) {
      if (row.get("name").asText().equals(name)) {
        return values(table, row);
      }
    }
    throw new AssertionError("No row " + name + " in " + table);
  }

  private static Map<String, Double> figures(JsonNode total) {
    Map<String, Double> map = new LinkedHashMap<>();
    JsonNode values = total.get("values");
    for (int i = 0; i < FIGURES.size() - 3 && i < values.size(); i++) {
      map.put(FIGURES.get(i + 3), values.get(i).isNull() ? null : values.get(i).asDouble());
    }
    return map;
  }

  private static Map<String, Double> values(JsonNode table, JsonNode row) {
    Map<String, Double> map = new LinkedHashMap<>();
    JsonNode columns = table.get("columns");
    for (int i = 0; i < columns.size(); i++) {
      JsonNode value = row.get("values").get(i);
      map.put(columns.get(i).get("key").asText(), value.isNull() ? null : round(value.asDouble()));
    }
    return map;
  }

  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }

  private static List<String> names(JsonNode table) {
    List<String> names = new ArrayList<>();
    table.get("rows").forEach(row -> names.add(row.get("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  /** Every row of the sheet (header, rows, total) is the table's, numbers as numbers. */
  private static void assertSameTable(Sheet sheet, JsonNode table) {
    JsonNode columns = table.get("columns");
    Row header = sheet.getRow(1);
    assertThat(header.getCell(0).getStringCellValue()).isEqualTo(table.get("keyLabel").asText());
    for (int c = 0; c < columns.size(); c++) {
      assertThat(header.getCell(c + 1).getStringCellValue()).isEqualTo(columns.get(c).get("label").asText());
    }
    List<JsonNode> rows = new ArrayList<>();
    table.get("rows").forEach(rows::add);
    rows.add(table.get("total"));
    assertThat(sheet.getLastRowNum()).isEqualTo(rows.size() + 1);
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.getRow(r + 2);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(rows.get(r).get("name").asText());
      JsonNode values = rows.get(r).get("values");
      for (int c = 0; c < values.size(); c++) {
        Cell cell = row.getCell(c + 1);
        if (values.get(c).isNull()) {
          assertThat(cell.getCellType()).isEqualTo(CellType.BLANK);
        } else {
          assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
          assertThat(cell.getNumericCellValue()).isEqualTo(values.get(c).asDouble());
        }
      }
    }
  }

  private static int column(Sheet sheet, String header) {
    for (Cell cell : sheet.getRow(1)) {
      if (cell.getStringCellValue().equals(header)) {
        return cell.getColumnIndex();
      }
    }
    throw new AssertionError("No column " + header);
  }

  private static List<String> sheetNames(XSSFWorkbook workbook) {
    List<String> names = new ArrayList<>();
    workbook.forEach(sheet -> names.add(sheet.getSheetName()));
    return names;
  }

  private JsonNode data(String credentials, Map<String, String> parameters) throws Exception {
    HttpResponse<byte[]> response = get("/statistics/data", credentials, parameters);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<byte[]> get(String path, String credentials, Map<String, String> parameters) throws Exception {
    StringBuilder query = new StringBuilder();
    parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query)).GET();
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
