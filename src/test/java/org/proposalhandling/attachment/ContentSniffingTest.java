package org.proposalhandling.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.attachment.AttachmentAccessTest.PDF;
import static org.proposalhandling.attachment.AttachmentAccessTest.fileId;
import static org.proposalhandling.attachment.AttachmentAccessTest.fileIds;
import static org.proposalhandling.attachment.AttachmentAccessTest.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A file's type is what its bytes are: neither its name nor the browser's Content-Type decide. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ContentSniffingTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;

  @Test
  void executablesRenamedPdfAreRefusedInChineseAndNothingIsStored() {
    byte[] elf = new byte[4096];
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, elf, 0, 8);
    elf[16] = 2; // ET_EXEC
    elf[18] = 0x3e; // x86-64
    byte[] mz = new byte[4096];
    mz[0] = 'M';
    mz[1] = 'Z';
    byte[] noise = new byte[4096];
    new Random(38).nextBytes(noise);
    WebSession clerk = clerk();
    String id = item();

    for (byte[] content : new byte[][] {elf, mz}) {
      HttpResponse<String> refused = upload(clerk, id, "ITEM", "答复附表.pdf", content);
      assertThat(refused.statusCode()).isEqualTo(415);
      assertThat(refused.body()).contains("「答复附表.pdf」的内容是可执行程序，不能作为附件上传", "PDF 文档", "返回办件");
    }
    HttpResponse<String> unknown = upload(clerk, id, "ITEM", "扫描件.pdf", noise);
    assertThat(unknown.statusCode()).isEqualTo(415);
    assertThat(unknown.body()).contains("不支持的格式");
    assertThat(fileIds(clerk.get("/items/" + id).body())).isEmpty();
  }

  @Test
  void aPdfNamedTxtIsStoredAsPdfAndADocxAsAWordDocument() throws IOException {
    WebSession clerk = clerk();
    String id = item();

    assertThat(upload(clerk, id, "ITEM", "提案原件.txt", PDF).statusCode()).isEqualTo(302);
    assertThat(upload(clerk, id, "ITEM", "调研报告.docx", docx()).statusCode()).isEqualTo(302);

    String page = clerk.get("/items/" + id).body();
    assertThat(page).contains("提案原件.txt", "PDF 文档", "调研报告.docx", "Word 文档");
    HttpResponse<byte[]> pdf = clerk.getBytes("/items/" + id + "/files/" + fileId(page, "提案原件.txt"));
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
  }

  private static byte[] docx() throws IOException {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("关于社区养老服务的调研报告");
      document.write(out);
      return out.toByteArray();
    }
  }

  private String item() {
    return new ItemDriver(engine, outbox).register("CS" + System.nanoTime()).getBusinessKey();
  }

  private WebSession clerk() {
    WebSession session = new WebSession(port);
    session.login("jlgov-clerk", "demo");
    return session;
  }
}
