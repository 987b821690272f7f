package org.proposalhandling.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over HTTP, an item's files go where its page goes: the lead unit, a co-handling unit and the office read
 * them; another unit and another office get the page's 404 for every address, anonymous the login. Only the
 * uploader changes a file, while its step is open; the earlier version stays, marked.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AttachmentAccessTest {

  static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  static final String OPINION_FILE = "会办意见（盖章）.pdf";
  private static final Pattern FILE_LINK = Pattern.compile("/items/[^/\"]+/files/([0-9a-f-]{36})\"");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired DeadlineRequests requests;

  @Test
  void theItemsReadersReadItsFilesAndNobodyElseLearnsTheyExist() {
    String id = coHandledItem();
    WebSession coHandling = signedIn("jlcz-handler");
    HttpResponse<String> uploaded = upload(coHandling, id, "Task_CoHandlingOpinion", OPINION_FILE, PDF);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
    String page = coHandling.get("/items/" + id).body();
    assertThat(page).contains(OPINION_FILE, "PDF 文档", "会办意见");
    String fileId = fileIds(page).get(0);

    for (String reader : new String[] {"jlmz-handler", "jlcz-handler", "jlgov-clerk"}) {
      HttpResponse<byte[]> download = signedIn(reader).getBytes("/items/" + id + "/files/" + fileId);
      assertThat(download.statusCode()).as(reader).isEqualTo(200);
      assertThat(download.body()).as(reader).isEqualTo(PDF);
      assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
      assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("attachment", "filename*=UTF-8''%E4%BC%9A%E5%8A%9E%E6%84%8F%E8%A7%81%EF%BC%88%E7%9B%96%E7%AB%A0%EF%BC%89.pdf");
    }

    for (String stranger : new String[] {"jlwjw-handler", "czgov-clerk"}) {
      WebSession session = signedIn(stranger);
      String notFound = session.get("/items/00000000-0000-0000-0000-000000000000").body();
      HttpResponse<String> download = session.get("/items/" + id + "/files/" + fileId);
      assertThat(download.statusCode()).as(stranger).isEqualTo(404);
      assertThat(download.body()).doesNotContain(OPINION_FILE);
      assertThat(withoutCsrf(download.body())).isEqualTo(withoutCsrf(notFound));
      String token = WebSession.csrfOf(session.get("/items").body());
      assertThat(session.postMultipart("/items/" + id + "/files", Map.of("_csrf", token, "step", "ITEM"), "x.pdf", PDF,
          Duration.ofSeconds(30)).statusCode()).as(stranger).isEqualTo(404);
      assertThat(session.postForm("/items/" + id + "/files/" + fileId + "/withdrawal", Map.of("_csrf", token))
          .statusCode()).as(stranger).isEqualTo(404);
    }
    assertThat(fileIds(coHandling.get("/items/" + id).body())).containsExactly(fileId);

    HttpResponse<String> anonymous = new WebSession(port).get("/items/" + id + "/files/" + fileId);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    // A file's id under another item the user reads: the same 404.
    String otherItem = coHandledItem();
    assertThat(signedIn("jlmz-handler").get("/items/" + otherItem + "/files/" + fileId).statusCode()).isEqualTo(404);
  }

  @Test
  void aCoHandlingUnitAttachesToItsOwnStepOnlyAndOnlyTheUploaderWithdrawsOrReplaces() {
    String id = coHandledItem();
    WebSession coHandling = signedIn("jlcz-handler");
    HttpResponse<String> leadsStep = upload(coHandling, id, "Task_ContactRecord", "沟通记录.pdf", PDF);
    assertThat(leadsStep.statusCode()).isEqualTo(403);
    assertThat(leadsStep.body()).contains("您当前不能为本件的这一环节上传附件");
    assertThat(upload(coHandling, id, "Task_CoHandlingOpinion", OPINION_FILE, PDF).statusCode()).isEqualTo(302);
    String fileId = fileIds(coHandling.get("/items/" + id).body()).get(0);

    WebSession lead = signedIn("jlmz-handler");
    assertThat(upload(lead, id, "Task_ContactRecord", "沟通记录.pdf", PDF).statusCode()).as("the lead's own step").isEqualTo(302);
    assertThat(lead.get("/items/" + id).body()).contains(OPINION_FILE, "沟通记录.pdf", "沟通联系");
    HttpResponse<String> notHis = lead.postForm("/items/" + id + "/files/" + fileId + "/withdrawal",
        Map.of("_csrf", WebSession.csrfOf(lead.get("/items/" + id).body())));
    assertThat(notHis.statusCode()).isEqualTo(403);
    assertThat(notHis.body()).contains("只有上传人可以");

    byte[] second = (new String(PDF, StandardCharsets.US_ASCII) + "% 第二稿\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> replaced = coHandling.postMultipart("/items/" + id + "/files/" + fileId + "/replacement",
        Map.of("_csrf", WebSession.csrfOf(coHandling.get("/items/" + id).body())), "会办意见（第二稿）.pdf", second,
        Duration.ofSeconds(30));
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(302);
    String page = coHandling.get("/items/" + id).body();
    assertThat(page).contains(OPINION_FILE, "（已替换）", "会办意见（第二稿）.pdf");
    String newId = fileId(page, "会办意见（第二稿）.pdf");
    assertThat(coHandling.getBytes("/items/" + id + "/files/" + fileId).body()).isEqualTo(PDF);

    assertThat(coHandling.postForm("/items/" + id + "/files/" + newId + "/withdrawal",
        Map.of("_csrf", WebSession.csrfOf(page))).statusCode()).isEqualTo(302);
    assertThat(fileIds(coHandling.get("/items/" + id).body())).contains(fileId).doesNotContain(newId);
    assertThat(coHandling.get("/items/" + id + "/files/" + newId).statusCode()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from item_file_chunk where file_id = ?").param(newId).query(Long.class).single())
        .as("a withdrawn file's content is removed").isZero();

    // Its step done, the opinion's file is part of the record: nobody withdraws it any more.
    new ItemDriver(engine, outbox).giveOpinion(instanceOf(id), "jl-cz", "同意主办单位意见。");
    HttpResponse<String> late = coHandling.postForm("/items/" + id + "/files/" + fileId + "/withdrawal",
        Map.of("_csrf", WebSession.csrfOf(lead.get("/items").body())));
    assertThat(late.statusCode()).isEqualTo(403);
  }

  @Test
  void aFileWhoseContentChangedInTheDatabaseIsNotServed() {
    String id = coHandledItem();
    WebSession clerk = signedIn("jlgov-clerk");
    assertThat(upload(clerk, id, "ITEM", "原件扫描.pdf", PDF).statusCode()).isEqualTo(302);
    String fileId = fileIds(clerk.get("/items/" + id).body()).get(0);
    jdbc.sql("update item_file_chunk set bytes = ? where file_id = ?").params("%PDF-1.4 altered".getBytes(), fileId).update();

    HttpResponse<String> download = clerk.get("/items/" + id + "/files/" + fileId);

    assertThat(download.statusCode()).isEqualTo(500);
    assertThat(download.body()).contains("原件扫描.pdf", "校验值不符").doesNotContain("altered");
  }

  @Test
  void aLongerFileWhoseEndChangedInTheDatabaseBreaksOffBeforeItsLastChunk() {
    String id = coHandledItem();
    WebSession clerk = signedIn("jlgov-clerk");
    long size = 3 * 512 * 1024 + 1000;
    assertThat(clerk.postMultipart("/items/" + id + "/files",
        Map.of("_csrf", WebSession.csrfOf(clerk.get("/items/" + id).body()), "step", "ITEM"), "调研报告扫描.pdf",
        () -> new LargeFileHeapTest.GeneratedPdf(size), Duration.ofMinutes(1)).statusCode()).isEqualTo(302);
    String fileId = fileIds(clerk.get("/items/" + id).body()).get(0);
    jdbc.sql("update item_file_chunk set bytes = ? where file_id = ? and seq = 3").params(new byte[1000], fileId).update();

    // Java's client, as a browser, refuses an answer shorter than its Content-Length: no whole copy arrives.
    assertThatThrownBy(() -> clerk.getBytes("/items/" + id + "/files/" + fileId))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(clerk.get("/items/" + id).statusCode()).as("the app serves on").isEqualTo(200);
  }

  @Test
  void aFileOverTheLimitIsRefusedInChineseAndLeavesNothing() {
    String id = coHandledItem();
    WebSession clerk = signedIn("jlgov-clerk");

    HttpResponse<String> refused = clerk.postMultipart("/items/" + id + "/files",
        Map.of("_csrf", WebSession.csrfOf(clerk.get("/items/" + id).body()), "step", "ITEM"), "全会议程录像截图.pdf",
        () -> new LargeFileHeapTest.GeneratedPdf(41 * LargeFileHeapTest.MB), Duration.ofMinutes(1));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("「全会议程录像截图.pdf」超过了单个文件 40 MB 的上限，未上传。");
    assertThat(jdbc.sql("select count(*) from item_file where item_id = ?").param(id).query(Long.class).single()).isZero();
  }

  @Test
  void aUnitThatGaveTheItemBackReadsNoneOfItsFilesAndTheNewLeadReadsThemAll() {
    ProcessInstance instance = coHandled(new ItemDriver(engine, outbox));
    String id = instance.getBusinessKey();
    assertThat(upload(signedIn("jlmz-handler"), id, "ITEM", "原件扫描.pdf", PDF).statusCode()).isEqualTo(302);
    String fileId = fileIds(signedIn("jlmz-handler").get("/items/" + id).body()).get(0);

    requests.requestReassignment(new Authentication("jlmz-handler", List.of("jl-mz-handler")), id, "该建议属卫生健康部门职责。");
    ItemDriver driver = new ItemDriver(engine, outbox);
    driver.complete(instance, "Task_DecideReassignment", Map.of("decision", "approve"));
    driver.assign(instance, "jl-wjw");

    for (String former : new String[] {"jlmz-handler", "jlcz-handler"}) {
      assertThat(signedIn(former).get("/items/" + id + "/files/" + fileId).statusCode()).as(former).isEqualTo(404);
      assertThat(signedIn(former).get("/items/" + id + "/files.zip").statusCode()).as(former).isEqualTo(404);
    }
    HttpResponse<byte[]> newLead = signedIn("jlwjw-handler").getBytes("/items/" + id + "/files/" + fileId);
    assertThat(newLead.statusCode()).isEqualTo(200);
    assertThat(newLead.body()).isEqualTo(PDF);
  }

  @Test
  void theItemsFilesComeAsOneZipWithTheirChineseNamesToItsReadersOnly() throws Exception {
    String id = coHandledItem();
    WebSession lead = signedIn("jlmz-handler");
    byte[] minutes = "座谈会纪要：与提出人电话沟通。".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(lead, id, "ITEM", "原件扫描.pdf", PDF).statusCode()).isEqualTo(302);
    assertThat(upload(lead, id, "ITEM", "原件扫描.pdf", PDF).statusCode()).isEqualTo(302);
    assertThat(upload(lead, id, "ITEM", "沟通纪要.txt", minutes).statusCode()).isEqualTo(302);
    assertThat(lead.get("/items/" + id).body()).contains("打包下载全部附件");

    HttpResponse<byte[]> zip = signedIn("jlcz-handler").getBytes("/items/" + id + "/files.zip");
    assertThat(zip.statusCode()).isEqualTo(200);
    assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
    assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''", "%E9%99%84%E4%BB%B6.zip");
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    // Numbered in the order they came (two uploads within one second may come in either order).
    assertThat(entries.keySet()).extracting(name -> name.substring(0, 2)).containsExactly("1-", "2-", "3-");
    assertThat(entries.keySet()).extracting(name -> name.substring(2))
        .containsExactlyInAnyOrder("原件扫描.pdf", "原件扫描.pdf", "沟通纪要.txt");
    entries.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(name.endsWith(".txt") ? minutes : PDF));

    assertThat(signedIn("jlwjw-handler").get("/items/" + id + "/files.zip").statusCode()).isEqualTo(404);
    assertThat(signedIn("jlmz-handler").get("/items/" + coHandledItem() + "/files.zip").statusCode())
        .as("an item without files").isEqualTo(404);
  }

  @Test
  void aFileOverTheUploadLimitOfTheServerIsRefusedInChineseWithAWayBack() {
    String id = coHandledItem();
    WebSession clerk = signedIn("jlgov-clerk");

    HttpResponse<String> refused = clerk.postMultipart("/items/" + id + "/files",
        Map.of("_csrf", WebSession.csrfOf(clerk.get("/items/" + id).body()), "step", "ITEM"), "会议全程录像.pdf",
        () -> new LargeFileHeapTest.GeneratedPdf(60 * LargeFileHeapTest.MB), Duration.ofMinutes(1));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("上传的文件超过了 50 MB 的上限，未上传", "返回");
    assertThat(jdbc.sql("select count(*) from item_file where item_id = ?").param(id).query(Long.class).single()).isZero();
  }

  /** An item at co-handling: jl-mz leads, jl-cz co-handles, of the office jl-gov. */
  private String coHandledItem() {
    return coHandled(new ItemDriver(engine, outbox)).getBusinessKey();
  }

  static ProcessInstance coHandled(ItemDriver driver) {
    ProcessInstance instance = driver.register("AT" + System.nanoTime());
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    driver.executeJobs(instance);
    return instance;
  }

  private ProcessInstance instanceOf(String itemId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(itemId).singleResult();
  }

  private WebSession signedIn(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }

  static HttpResponse<String> upload(WebSession session, String itemId, String step, String fileName, byte[] content) {
    String token = WebSession.csrfOf(session.get("/items/" + itemId).body());
    return session.postMultipart("/items/" + itemId + "/files", Map.of("_csrf", token, "step", step), fileName, content,
        Duration.ofSeconds(30));
  }

  /** The id of the file listed under this name (two uploads of one second are listed in either order). */
  static String fileId(String page, String fileName) {
    Matcher matcher = Pattern.compile("/files/([0-9a-f-]{36})\"[^>]*>" + Pattern.quote(fileName) + "</a>").matcher(page);
    assertThat(matcher.find()).as("「%s」 listed on the page", fileName).isTrue();
    return matcher.group(1);
  }

  static List<String> fileIds(String page) {
    Matcher matcher = FILE_LINK.matcher(page);
    java.util.List<String> ids = new java.util.ArrayList<>();
    while (matcher.find()) {
      if (!ids.contains(matcher.group(1))) {
        ids.add(matcher.group(1));
      }
    }
    return ids;
  }

  private static String withoutCsrf(String page) {
    return page.replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"", "");
  }
}
