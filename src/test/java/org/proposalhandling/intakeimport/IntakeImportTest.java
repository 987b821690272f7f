package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.intakeimport.ImportFiles.csv;
import static org.proposalhandling.intakeimport.ImportFiles.row;
import static org.proposalhandling.intakeimport.ImportFiles.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Imports through POST /api/imports as the office's clerk: files that import, files refused whole. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class IntakeImportTest {

  static final String SESSION = "省政协十三届一次会议";
  static final Duration WITHIN = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired JdbcClient jdbc;
  @Autowired ImportRunner runner;
  final String prefix = "T" + System.nanoTime() % 10_000_000 + "-";

  ImportClient clerk() {
    return new ImportClient(port, "jlgov-clerk", "demo");
  }

  @Test
  void aUtf8CsvRegistersEveryRowThroughTheStartFormsPath() {
    List<List<String>> rows = List.of(row(SESSION, prefix + "1", "关于完善城市公共交通的建议"),
        with(row(SESSION, prefix + "2", "关于发展冰雪旅游的建议"), ImportColumn.CO_UNITS, null),
        with(with(row(SESSION, prefix + "3", "关于加强食品安全监管的建议"), ImportColumn.LEAD_UNIT, null), ImportColumn.CO_UNITS, null),
        // Units by the short names replies use.
        with(with(row(SESSION, prefix + "4", "关于规范养老机构收费的建议"), ImportColumn.LEAD_UNIT, "省财政厅"), ImportColumn.CO_UNITS, "省卫健委"));

    JsonNode done = importAndWait("items.csv", csv(rows).getBytes(StandardCharsets.UTF_8));

    assertThat(done.path("started").asInt()).isEqualTo(4);
    assertThat(done.path("failed").asInt()).isZero();
    Item item = items.findBySessionAndNumber(SESSION, prefix + "1").orElseThrow();
    assertThat(item.title()).isEqualTo("关于完善城市公共交通的建议");
    assertThat(item.kind()).isEqualTo(ItemKind.MEMBER_PROPOSAL);
    assertThat(item.assigningOfficeId()).isEqualTo("jl-gov");
    assertThat(item.proposedLeadUnitId()).isEqualTo("jl-mz");
    assertThat(item.coSignerNames()).isEqualTo("李四、王五");
    assertThat(item.filedOn()).isEqualTo(LocalDate.of(2025, 1, 15));
    assertThat(item.publicationConsent()).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(item.id()).count()).isEqualTo(1);
    assertThat(items.findBySessionAndNumber(SESSION, prefix + "3").orElseThrow().proposedLeadUnitId()).isNull();
    assertThat(items.findBySessionAndNumber(SESSION, prefix + "4").orElseThrow().proposedLeadUnitId()).isEqualTo("jl-cz");
  }

  @Test
  void theCoSignersColumnFillsEachCoSignerWithHisDetails() {
    importAndWait("joint.csv", csv(List.of(with(row(SESSION, prefix + "J", "关于联名提案的建议"), ImportColumn.CO_SIGNERS,
        "李四（经济界，lisi@example.cn，138-0000-0001）、王五（长春市、吉林市联组）,赵六"))).getBytes(StandardCharsets.UTF_8));

    Item item = items.findBySessionAndNumber(SESSION, prefix + "J").orElseThrow();
    assertThat(item.coSigners()).containsExactly(
        new CoSigner(1, "李四", CoSigner.Kind.JOINT, "经济界", "lisi@example.cn", "13800000001"),
        new CoSigner(2, "王五", CoSigner.Kind.JOINT, "长春市、吉林市联组", null, null),
        new CoSigner(3, "赵六", CoSigner.Kind.JOINT, null, null, null));
    assertThat(item.proposerWithCoSigners()).isEqualTo("张三（联名：李四、王五、赵六）");
  }

  @Test
  void wrongCoSignersAreNamedByRowAndColumn() {
    List<List<String>> rows = List.of(
        with(row(SESSION, prefix + "k", "重复"), ImportColumn.CO_SIGNERS, "李四、王五、李四（经济界）"),   // row 2
        with(row(SESSION, prefix + "l", "领衔人"), ImportColumn.CO_SIGNERS, "李四、张三"),                   // row 3
        with(row(SESSION, prefix + "m", "邮箱"), ImportColumn.CO_SIGNERS, "李四（lisi@example）"),          // row 4
        with(row(SESSION, prefix + "n", "手机"), ImportColumn.CO_SIGNERS, "李四（12345）"));                // row 5

    ImportClient.Response response = clerk().upload("co-signers.csv", csv(rows).getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.status()).isEqualTo(400);
    assertThat(errors(response.body())).containsExactly(
        "2|附议人|「附议人（联名人）」中李四重复列出，每人只列一次。",
        "3|附议人|「附议人（联名人）」中张三是提出人（领衔人），不能同时列为附议人（联名人）。",
        "4|附议人|「附议人（联名人）」中李四的电子邮箱“lisi@example”格式不正确。",
        "5|附议人|「附议人（联名人）」中李四的手机号码“12345”不是有效的手机号码，应为 11 位中国大陆手机号，可带 +86。");
    assertThat(items.findBySessionAndNumber(SESSION, prefix + "k")).isEmpty();
  }

  @Test
  void gbkAndBomCsvAndXlsxAreReadAlike() {
    String title = "关于加快𠮷林省乡村振兴的建议（GBK）";
    String gbkTitle = "关于加快吉林省乡村振兴的建议";
    importAndWait("gbk.csv", csv(List.of(row(SESSION, prefix + "G", gbkTitle))).getBytes(TextEncoding.GBK));
    byte[] utf8 = csv(List.of(row(SESSION, prefix + "B", title))).getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    importAndWait("bom.csv", bom);
    String digits = String.valueOf(System.nanoTime() % 100_000_000 + 100_000_000);
    importAndWait("items.xlsx", ImportFiles.xlsx(List.of(row(SESSION, digits, "关于xlsx导入的建议"))));

    assertThat(items.findBySessionAndNumber(SESSION, prefix + "G").orElseThrow().title()).isEqualTo(gbkTitle);
    assertThat(items.findBySessionAndNumber(SESSION, prefix + "G").orElseThrow().proposerName()).isEqualTo("张三");
    assertThat(items.findBySessionAndNumber(SESSION, prefix + "B").orElseThrow().title()).isEqualTo(title);
    Item fromXlsx = items.findBySessionAndNumber(SESSION, digits).orElseThrow();
    assertThat(fromXlsx.filedOn()).isEqualTo(LocalDate.of(2025, 1, 15));
    assertThat(fromXlsx.title()).isEqualTo("关于xlsx导入的建议");
  }

  @Test
  void aBrokenFileNamesEveryErrorByRowAndColumnAndImportsNothing() {
    new ItemDriver(engine, outbox).register(prefix + "old");
    List<List<String>> rows = new ArrayList<>();
    rows.add(with(row(SESSION, prefix + "a", "未知主办单位"), ImportColumn.LEAD_UNIT, "吉林省不存在厅"));   // row 2
    rows.add(with(row(SESSION, prefix + "b", "未知类别"), ImportColumn.KIND, "意见"));                   // row 3
    rows.add(with(row(SESSION, prefix + "c", "x"), ImportColumn.TITLE, ""));                              // row 4
    rows.add(row(SESSION, prefix + "a", "编号在文件中重复"));                                              // row 5
    rows.add(row(SESSION, prefix + "old", "编号在会议中已登记"));                                          // row 6
    rows.add(with(row(SESSION, prefix + "f", "日期有误"), ImportColumn.FILED_ON, "2025-02-30"));          // row 7
    rows.add(row(SESSION, prefix + "g", "长".repeat(501)));                                               // row 8
    rows.add(with(row(SESSION, prefix + "h", "编码损坏"), ImportColumn.CONTENT, "建议\uFFFD\uFFFD内容"));  // row 9
    rows.add(with(row(SESSION, prefix + "i", "未知会办单位"), ImportColumn.CO_UNITS, "吉林省财政厅、省外单位")); // row 10
    rows.add(row(SESSION, prefix + "j", "这一行没有错误"));                                                // row 11

    ImportClient.Response response = clerk().upload("broken.csv", csv(rows).getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.status()).isEqualTo(400);
    List<String> errors = errors(response.body());
    assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("2|建议主办单位|").contains("吉林省不存在厅"))
        .anySatisfy(e -> assertThat(e).startsWith("3|类别|").contains("意见").contains("委员提案"))
        .anySatisfy(e -> assertThat(e).isEqualTo("4|标题|请填写「标题」。"))
        .anySatisfy(e -> assertThat(e).startsWith("5|编号|").contains("第 2 行重复"))
        .anySatisfy(e -> assertThat(e).startsWith("6|编号|重复").contains("已登记"))
        .anySatisfy(e -> assertThat(e).startsWith("7|提出日期|").contains("不是有效日期"))
        .anySatisfy(e -> assertThat(e).startsWith("8|标题|").contains("不能超过 500 个字"))
        .anySatisfy(e -> assertThat(e).startsWith("9|内容|").contains("编码已损坏"))
        .anySatisfy(e -> assertThat(e).startsWith("10|建议会办单位|").contains("省外单位"));
    assertThat(errors).noneMatch(e -> e.startsWith("11|"));
    assertThat(response.body().path("message").asText()).contains("未作任何处理");
    for (String number : List.of("a", "b", "c", "f", "g", "h", "i", "j")) {
      assertThat(items.findBySessionAndNumber(SESSION, prefix + number)).as(number).isEmpty();
    }
  }

  @Test
  void aFileOfVeryManyErrorsListsTheFirstThousandCountsTheRestAndKeepsNoneOfItsValidRows() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 600; i++) {
      rows.add(row(SESSION, prefix + "v" + i, "关于第" + i + "个有效行的建议"));
    }
    for (int i = 1; i <= 1_500; i++) {
      rows.add(with(row(SESSION, prefix + "w" + i, "类别有误"), ImportColumn.KIND, "意见"));
    }

    ImportClient.Response response = clerk().upload("many-errors.csv", csv(rows).getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.status()).isEqualTo(400);
    assertThat(errors(response.body())).hasSize(ImportValidation.MAX_ERRORS).first().asString().startsWith("602|类别|");
    assertThat(response.body().path("message").asText()).isEqualTo("共有 1500 处错误（列出前 1000 处），未作任何处理。");
    // The first 500 valid rows were stored while the file was read, then rolled back with the rest.
    assertThat(jdbc.sql("select count(*) from intake_import_row where session_name = ? and item_number like ?")
        .params(SESSION, prefix + "v%").query(Integer.class).single()).isZero();
  }

  @Test
  void aCsvLineOfAMillionCommasIsRefusedNotRead() {
    String file = csv(List.of(row(SESSION, prefix + "m1", "正常的一行"))) + ",".repeat(CsvReader.MAX_LINE + 1) + "\r\n";

    ImportClient.Response response = clerk().upload("commas.csv", file.getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.status()).isEqualTo(400);
    assertThat(errors(response.body())).singleElement().asString().startsWith("||CSV 文件中有一行超过 1000000 个字符");
  }

  @Test
  void aFileThatIsNeitherUtf8NorGbkOrIsBrokenUtf8IsRefusedWithTheRow() {
    List<List<String>> rows = List.of(row(SESSION, prefix + "e1", "第一行"), row(SESSION, prefix + "e2", "第二行"));
    // Row 3 ends with bytes that GBK never has (0x7F is no second byte of GBK, 0xFF no byte at all).
    byte[] neither = append(csv(rows).getBytes(TextEncoding.GBK), 0x81, 0x7F, 0xFF);
    byte[] brokenUtf8 = append(csv(rows).getBytes(StandardCharsets.UTF_8), 0xE5, 0x41);

    ImportClient.Response unknown = clerk().upload("neither.csv", neither, false);
    ImportClient.Response broken = clerk().upload("broken-utf8.csv", brokenUtf8, false);

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(errors(unknown.body())).singleElement().asString().startsWith("4||文件编码无法识别");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(errors(broken.body())).singleElement().asString().startsWith("4||").contains("编码已损坏");
  }

  @Test
  void reimportingTheSameFileImportsNothingTwice() {
    byte[] file = csv(List.of(row(SESSION, prefix + "r1", "关于重复导入的建议一"), row(SESSION, prefix + "r2", "关于重复导入的建议二")))
        .getBytes(StandardCharsets.UTF_8);
    importAndWait("first.csv", file);

    ImportClient.Response again = clerk().upload("first.csv", file, false);

    assertThat(again.status()).isEqualTo(400);
    assertThat(errors(again.body())).hasSize(2).allSatisfy(e -> assertThat(e).contains("|编号|重复"));
  }

  @Test
  void similarTitlesAreHintedAtInThePreviewAndDoNotBlock() {
    // A session of its own: other classes register items with the same default title in the shared context.
    String session = "相似标题测试" + prefix + "会议";
    // Duplicates are told by title and text: the registered item's text reads as the rows' do (ImportFiles.row).
    Map<String, Object> registered = ItemDriverRows.intake(session, prefix + "exists");  // 关于加强社区养老服务的建议
    registered.put("content", "建议内容：关于加强社区养老服务的建议。");
    new ItemDriver(engine, outbox).register(registered);
    List<List<String>> rows = List.of(row(session, prefix + "s1", "关于进一步加强社区养老服务的建议"),
        row(session, prefix + "s2", "关于保护黑土地耕地质量的提案"),
        row(session, prefix + "s3", "关于进一步加强社区养老服务工作的建议"));

    ImportClient.Response preview = clerk().upload("similar.csv", csv(rows).getBytes(StandardCharsets.UTF_8), true);

    assertThat(preview.status()).as("%s", preview.body()).isEqualTo(201);
    JsonNode hints = preview.body().path("preview").path("hints");
    assertThat(hintFor(hints, 2)).contains("本文件第 4 行").contains("已登记：" + session + "第" + prefix + "exists号");
    assertThat(hintFor(hints, 4)).contains("本文件第 2 行");
    // Related items of other sessions (other classes' items share words) may be listed; no duplicate is.
    assertThat(hintFor(hints, 3)).doesNotContain("本文件第").doesNotContain("已登记");
    assertThat(preview.body().path("preview").path("byKind").path("委员提案").asInt()).isEqualTo(3);
    assertThat(preview.body().path("preview").path("byLeadUnit").path("吉林省民政厅").asInt()).isEqualTo(3);
    String id = preview.body().path("id").asText();
    assertThat(clerk().post("/api/imports/" + id + "/start", Map.of()).status()).isEqualTo(202);
    clerk().pollUntil("/api/imports/" + id, p -> p.path("state").asText().equals("DONE"), WITHIN);
    assertThat(items.findBySessionAndNumber(session, prefix + "s3")).isPresent();
  }

  @Test
  void anImportRunningAtStartUpResumesItsPendingRowsAndStartsNoneTwice() {
    List<List<String>> rows = List.of(row(SESSION, prefix + "c1", "关于恢复导入的建议一"),
        row(SESSION, prefix + "c2", "关于恢复导入的建议二"), row(SESSION, prefix + "c3", "关于恢复导入的建议三"));
    String id = clerk().upload("crash.csv", csv(rows).getBytes(StandardCharsets.UTF_8), true).body().path("id").asText();
    // As a crash leaves it: running, its first row started with its process, the others still pending.
    jdbc.sql("update intake_import set state = 'RUNNING' where id = ?").param(id).update();
    String first = engine.getRuntimeService().startProcessInstanceByKey("proposal-handling", ItemDriverRows.intake(SESSION, prefix + "c1")).getBusinessKey();
    jdbc.sql("update intake_import_row set state = 'STARTED', item_id = ? where import_id = ? and line_no = 2").params(first, id).update();

    runner.resume();

    JsonNode done = clerk().pollUntil("/api/imports/" + id, p -> p.path("state").asText().equals("DONE"), WITHIN);
    assertThat(done.path("started").asInt()).isEqualTo(3);
    assertThat(done.path("failed").asInt()).isZero();
    assertThat(items.findBySessionAndNumber(SESSION, prefix + "c3")).isPresent();
  }

  @Test
  void onlyAnAssigningOfficesClerkImports() {
    ImportClient handler = new ImportClient(port, "jlmz-handler", "demo");
    ImportClient.Response response = handler.upload("items.csv", csv(List.of(row(SESSION, prefix + "x", "标题"))).getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body().path("message").asText()).contains("交办员");
  }

  JsonNode importAndWait(String fileName, byte[] file) {
    ImportClient.Response response = clerk().upload(fileName, file, false);
    assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
    String id = response.body().path("id").asText();
    JsonNode done = clerk().pollUntil("/api/imports/" + id, p -> p.path("state").asText().equals("DONE"), WITHIN);
    assertThat(done.path("failed").asInt()).as("%s", done).isZero();
    return done;
  }

  static List<String> errors(JsonNode body) {
    return StreamSupport.stream(body.path("errors").spliterator(), false)
        .map(e -> (e.path("row").isNull() ? "" : e.path("row").asText()) + "|" + (e.path("column").isNull() ? "" : e.path("column").asText())
            + "|" + e.path("message").asText()).toList();
  }

  static String hintFor(JsonNode hints, int row) {
    return StreamSupport.stream(hints.spliterator(), false).filter(h -> h.path("row").asInt() == row)
        .map(JsonNode::toString).findFirst().orElse("");
  }

  static byte[] append(byte[] bytes, int... more) {
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + more.length);
    for (int i = 0; i < more.length; i++) {
      longer[bytes.length + i] = (byte) more[i];
    }
    return longer;
  }
}
