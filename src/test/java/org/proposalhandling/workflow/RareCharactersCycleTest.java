package org.proposalhandling.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #33: an item whose proposer and title hold rare characters of names (GB 18030-2022 level 2: 䶮 of
 * Extension A, one character of each of Extensions B to F) goes through intake, the Tasklist forms over the
 * engine REST API, the delivery mail (SMTP), the ledger's .xlsx and the letter's PDF, and is read back from
 * each; an emoji is refused at intake and in the reply, naming the field.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RareCharactersCycleTest {

  static final String RARE = "䶮𠮷𪜶𫟦𬌗𬺰";
  static final String PROPOSER = "𠮷田" + RARE;
  static final String TITLE = "关于" + RARE + "社区养老服务的建议";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;

  EngineRestClient as(String user) {
    return new EngineRestClient(port, user, "demo");
  }

  @Test
  void rareCharactersOfNamesGoThroughEveryStepAndReadBackFromTheLetter() throws Exception {
    Map<String, Object> intake = intake("RC1");
    intake.put("title", TITLE);
    intake.put("proposerName", PROPOSER);
    Response started = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form",
        EngineRestClient.variables(intake));
    assertThat(started.status()).as("%s", started.body()).isEqualTo(200);
    String itemId = started.body().get("businessKey").asText();

    // Tasklist shows the clerk the name and the title as they were registered.
    runJobs(itemId);
    JsonNode review = task(itemId, "jlgov-clerk", "Task_AcceptanceReview");
    JsonNode shown = as("jlgov-clerk").get("/task/" + review.get("id").asText() + "/form-variables").body();
    assertThat(shown.get("itemTitle").get("value").asText()).isEqualTo(TITLE);
    assertThat(shown.get("proposer").get("value").asText()).contains(PROPOSER);

    complete(itemId, "jlgov-clerk", "Task_AcceptanceReview", Map.of("decision", "accept"));
    complete(itemId, "jlgov-clerk", "Task_Assignment", Map.of("leadUnit", "jl-mz",
        "coHandlingUnits", Map.of("value", "[]", "type", "Json"), "keyItem", false));
    complete(itemId, "jlmz-handler", "Task_ContactRecord", Map.of("contactedOn", "2023-03-01",
        "contactMeans", "PHONE", "contactSummary", "电话联系" + PROPOSER + "。"));
    complete(itemId, "jlmz-handler", "Task_DraftReply", Map.of("replyText", PROPOSER + "委员：\n您提出的关于" + RARE
        + "的提案收悉，现答复如下。", "category", "A", "disclosure", "PUBLIC", "handlerName", "李𠮷", "handlerPhone",
        "0431-88900001"));
    complete(itemId, "jlmz-head", "Task_ReviewReply", Map.of("decision", "approve", "comment", ""));
    complete(itemId, "jlmz-official", "Task_SignOff", Map.of("decision", "approve", "comment", ""));
    runJobs(itemId);

    MailCatcher mail = new MailCatcher(smtp, outbox);
    assertThat(mail.sendDueMail()).as("delivery mails that failed").isZero();
    MimeMessage toProposer = mail.to("zhangsan@demo.local", "第RC1号").get(0);
    assertThat(MailCatcher.text(toProposer)).contains(PROPOSER + "：", "《" + TITLE + "》", "关于" + RARE + "的提案收悉");

    WebSession clerk = new WebSession(port);
    clerk.login("jlgov-clerk", "demo");
    HttpResponse<byte[]> ledger = clerk.getBytes("/items/export?q=" + URLEncoder.encode("RC1", StandardCharsets.UTF_8));
    assertThat(ledger.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger.body()))) {
      Row row = workbook.getSheetAt(0).getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo("RC1");
      assertThat(row.getCell(3).getStringCellValue()).isEqualTo(TITLE);
      assertThat(row.getCell(4).getStringCellValue()).isEqualTo(PROPOSER);
    }

    HttpResponse<byte[]> letter = clerk.getBytes("/items/" + itemId + "/reply-1.pdf");
    assertThat(letter.statusCode()).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(letter.body())) {
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
          .contains(PROPOSER + "委员：", "关于" + RARE + "的提案收悉", "承办人：李𠮷");
    }
  }

  @Test
  void anEmojiIsRefusedAtIntakeNamingTheField() {
    Map<String, Object> intake = intake("RC2");
    intake.put("title", "关于𠮷林社区养老👍服务的建议");
    Response refused = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form",
        EngineRestClient.variables(intake));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).isEqualTo("「标题」中有表情符号“👍”，公文不印表情符号，请删去。");

    intake.put("title", TITLE);
    intake.put("proposerName", "𠮷田❤️");
    Response heart = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form",
        EngineRestClient.variables(intake));
    assertThat(heart.status()).isEqualTo(400);
    assertThat(heart.body().get("message").asText()).isEqualTo("「提出人（领衔人）」中有表情符号“❤️”，公文不印表情符号，请删去。");
  }

  @Test
  void aReplyTheLetterCannotPrintIsRefusedAtDraftingNamingTheCharacter() {
    Response started = as("jlgov-clerk").post("/process-definition/key/proposal-handling/submit-form",
        EngineRestClient.variables(intake("RC3")));
    String itemId = started.body().get("businessKey").asText();
    complete(itemId, "jlgov-clerk", "Task_AcceptanceReview", Map.of("decision", "accept"));
    complete(itemId, "jlgov-clerk", "Task_Assignment", Map.of("leadUnit", "jl-mz",
        "coHandlingUnits", Map.of("value", "[]", "type", "Json"), "keyItem", false));
    complete(itemId, "jlmz-handler", "Task_ContactRecord", Map.of("contactedOn", "2023-03-01",
        "contactMeans", "PHONE", "contactSummary", "电话沟通。"));
    runJobs(itemId);

    String taskId = task(itemId, "jlmz-handler", "Task_DraftReply").get("id").asText();
    Map<String, Object> draft = new HashMap<>(Map.of("replyText", "张三委员：\n感谢您的建议👍。", "category", "A",
        "disclosure", "PUBLIC", "handlerName", "李静", "handlerPhone", "0431-88900001"));
    Response refused = as("jlmz-handler").post("/task/" + taskId + "/submit-form", EngineRestClient.variables(draft));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText())
        .isEqualTo("「答复正文」中的字符“👍”（U+1F44D）在公文字体中都没有，答复函无法排版。请删去或改写这个字符。");

    draft.put("replyText", "张三委员：\n感谢您的建议。");
    draft.put("handlerName", "李\uE000");
    Response privateUse = as("jlmz-handler").post("/task/" + taskId + "/submit-form", EngineRestClient.variables(draft));
    assertThat(privateUse.status()).isEqualTo(400);
    assertThat(privateUse.body().get("message").asText()).startsWith("「承办人」中的字符“\uE000”（U+E000）");

    draft.put("handlerName", "李𠮷");
    assertThat(as("jlmz-handler").post("/task/" + taskId + "/submit-form", EngineRestClient.variables(draft)).status())
        .isEqualTo(204);
  }

  private static Map<String, Object> intake(String number) {
    Map<String, Object> form = new HashMap<>(ItemDriver.intake(number));
    form.remove("assigningOffice");
    return form;
  }

  private JsonNode task(String itemId, String user, String taskKey) {
    JsonNode tasks = as(user).get("/task?processInstanceBusinessKey=" + itemId + "&taskDefinitionKey=" + taskKey).body();
    assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
    return tasks.get(0);
  }

  /** Runs the item's due jobs first, as the job executor would between two users' steps. */
  private void complete(String itemId, String user, String taskKey, Map<String, Object> form) {
    runJobs(itemId);
    Response done = as(user).post("/task/" + task(itemId, user, taskKey).get("id").asText() + "/submit-form",
        EngineRestClient.variables(form));
    assertThat(done.status()).as(user + " completes " + taskKey + ": " + done.body()).isEqualTo(204);
  }

  private void runJobs(String itemId) {
    new ItemDriver(engine, outbox).executeJobs(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(itemId).singleResult());
  }
}
