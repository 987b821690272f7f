package org.proposalhandling.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.attachment.AttachmentAccessTest.PDF;
import static org.proposalhandling.attachment.AttachmentAccessTest.fileId;
import static org.proposalhandling.attachment.AttachmentAccessTest.upload;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
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
import com.icegreen.greenmail.util.GreenMail;

/**
 * The files of 起草答复 are the reply's attachments: listed under the letter's body (附件说明), attached to the reply's
 * mails up to the mail limit (a larger one named as going on paper), and published with the reply, without login,
 * only where the reply is public; no other file of the item leaves with it.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ReplyAttachmentsTest {

  private static final String TABLE = "社区养老服务设施统计表.xlsx";
  private static final String LIST = "医养结合示范机构名单.pdf";
  private static final String PHOTOS = "养老服务站现场照片.pdf";
  private static final String ORIGINAL = "提案原件扫描.pdf";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail smtp;
  @Autowired JdbcClient jdbc;

  @Test
  void theReplysFilesGoWithItsLetterItsMailsAndItsPublicationAndNoOtherFileDoes() throws Exception {
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = driver.atDrafting("RA1", "jl-mz");
    String id = instance.getBusinessKey();
    WebSession lead = signedIn("jlmz-handler");
    byte[] table = workbook();
    assertThat(upload(lead, id, "Task_DraftReply", TABLE, table).statusCode()).isEqualTo(302);
    assertThat(upload(lead, id, "Task_DraftReply", LIST, PDF).statusCode()).isEqualTo(302);
    // Over the 15 MB a mail carries: on paper only.
    HttpResponse<String> photos = lead.postMultipart("/items/" + id + "/files",
        Map.of("_csrf", WebSession.csrfOf(lead.get("/items/" + id).body()), "step", "Task_DraftReply"), PHOTOS,
        () -> new LargeFileHeapTest.GeneratedPdf(16 * LargeFileHeapTest.MB), Duration.ofMinutes(1));
    assertThat(photos.statusCode()).isEqualTo(302);
    assertThat(upload(lead, id, "ITEM", ORIGINAL, PDF).statusCode()).isEqualTo(302);
    String page = lead.get("/items/" + id).body();
    assertThat(page).contains("起草答复（答复附件，随答复函发出）");

    deliver(driver, instance, "PUBLIC");
    MailCatcher mail = new MailCatcher(smtp, outbox);
    assertThat(mail.sendDueMail()).isZero();

    MimeMessage toProposer = mail.to("zhangsan@demo.local", "第RA1号").get(0);
    List<MailCatcher.File> files = MailCatcher.files(toProposer);
    assertThat(files).extracting(MailCatcher.File::name)
        .contains(TABLE, LIST).doesNotContain(PHOTOS, ORIGINAL)
        .anySatisfy(name -> assertThat(name).startsWith("答复函"))
        .anySatisfy(name -> assertThat(name).startsWith("征询意见表"));
    assertThat(files).filteredOn(file -> file.name().equals(TABLE)).singleElement()
        .satisfies(file -> assertThat(file.content()).isEqualTo(table));
    assertThat(MailCatcher.text(toProposer)).contains("答复附件随本邮件附送：", TABLE, LIST,
        "以下附件超过邮件容量，随纸质答复寄送：" + PHOTOS);
    assertThat(mail.to("jlmz-official@demo.local", "第RA1号")).as("the official signs knowing the attachments")
        .anySatisfy(signOff -> assertThat(MailCatcher.text(signOff)).contains("附件：1.", "社区养老服务设施统计表", "养老服务站现场照片"));
    MimeMessage copy = Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> MailCatcher.subject(message).startsWith("【抄送】") && MailCatcher.subject(message).contains("第RA1号"))
        .findFirst().orElseThrow();
    assertThat(MailCatcher.files(copy)).extracting(MailCatcher.File::name).contains(TABLE, LIST).doesNotContain(PHOTOS);

    MailCatcher.Pdf letter = MailCatcher.pdfs(toProposer).stream().filter(pdf -> pdf.name().startsWith("答复函"))
        .findFirst().orElseThrow();
    String letterText;
    try (PDDocument document = Loader.loadPDF(letter.content())) {
      letterText = new PDFTextStripper().getText(document).replaceAll("\\R", "");
    }
    assertThat(letterText).contains("附件：1.", "社区养老服务设施统计表", "医养结合示范机构名单", "养老服务站现场照片")
        .doesNotContain("提案原件扫描");

    String publication = jdbc.sql("select id from publication where item_id = ?").param(id).query(String.class).single();
    WebSession anonymous = new WebSession(port);
    String publicPage = anonymous.get("/public/replies/" + publication).body();
    assertThat(publicPage).contains("附件：", "社区养老服务设施统计表", "养老服务站现场照片").doesNotContain("提案原件扫描");
    String tableId = fileId(page, TABLE);
    HttpResponse<byte[]> download = anonymous.getBytes("/public/replies/" + publication + "/files/" + tableId);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(table);
    assertThat(anonymous.get("/public/replies/" + publication + "/files/" + fileId(page, ORIGINAL)).statusCode())
        .as("a file of another step").isEqualTo(404);

    // A reply that is not public: its files answer 404 under any publication's address.
    ProcessInstance unpublished = driver.atDrafting("RA2", "jl-mz");
    assertThat(upload(lead, unpublished.getBusinessKey(), "Task_DraftReply", LIST, PDF).statusCode()).isEqualTo(302);
    String hidden = fileId(lead.get("/items/" + unpublished.getBusinessKey()).body(), LIST);
    deliver(driver, unpublished, "NOT_PUBLIC");
    assertThat(anonymous.get("/public/replies/" + publication + "/files/" + hidden).statusCode()).isEqualTo(404);
  }

  private static void deliver(ItemDriver driver, ProcessInstance instance, String disclosure) {
    Map<String, Object> draft = new HashMap<>(Map.of("replyText", "张三委员：\n答复正文", "category", "B",
        "disclosure", disclosure, "handlerName", "李静", "handlerPhone", "0431-88900001"));
    driver.complete(instance, "Task_DraftReply", draft);
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
  }

  private static byte[] workbook() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("设施").createRow(0).createCell(0).setCellValue("社区养老服务站");
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private WebSession signedIn(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }
}
