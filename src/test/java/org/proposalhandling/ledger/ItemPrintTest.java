package org.proposalhandling.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over HTTP and SMTP: 打印办理单 and the 征询意见表 from the item page, for those who may open it and nobody
 * else, and the form with the reply's mail.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ItemPrintTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail smtp;
  @Autowired ReplyRepository replies;
  ItemDriver driver;
  MailCatcher mail;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
    mail = new MailCatcher(smtp, outbox);
  }

  @Test
  void theRecordAndTheFormPrintForTheItemsUnitsAndTheOfficeOnly() throws Exception {
    Map<String, Object> form = ItemDriver.intake("PR1");
    form.remove("proposerEmail");
    form.put("proposerName", "𠮷田");
    ProcessInstance instance = driver.register(form);
    String id = instance.getBusinessKey();
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");

    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    HttpResponse<String> early = handler.get("/items/" + id + "/feedback-form.pdf");
    assertThat(early.statusCode()).as("no form before the reply is numbered").isEqualTo(404);
    assertThat(early.body()).contains("尚未签发");

    driver.giveOpinion(instance, "jl-cz", "同意主办单位意见，资金可予支持。");
    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.draft(instance, "张三委员：\n您提出的关于加强社区养老服务的建议收悉，现答复如下。");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    mail.sendDueMail();
    String number = replies.get(id, 1).documentNumber();

    assertThat(handler.get("/items/" + id).body()).contains("/items/" + id + "/record.pdf", "打印办理单",
        "/items/" + id + "/feedback-form.pdf", "征询意见表");
    for (String user : List.of("jlmz-handler", "jlcz-handler", "jlgov-clerk")) {
      WebSession session = new WebSession(port);
      session.login(user, "demo");
      assertThat(text(pdf(session, "/items/" + id + "/record.pdf"))).as(user).contains(
          "委员提案办理单", "省政协十三届一次会议第PR1号委员提案", "关于加强社区养老服务的建议", "提出人：𠮷田",
          "主办单位：吉林省民政厅", "会办单位：吉林省财政厅", "同意主办单位意见，资金可予支持。", "电话联系提出人，听取意见。",
          "发文字号：" + number, "答复类别：B", "您提出的关于加强社区养老服务的建议收悉", "未反馈", "打印时间：");
      assertThat(text(pdf(session, "/items/" + id + "/feedback-form.pdf"))).as(user).contains(
          "委员提案办理情况征询意见表", "省政协十三届一次会议第PR1号委员提案", "答复文号：" + number, "□满意", "□基本满意",
          "□不满意", "办前沟通联系", "办理态度", "意见和建议", "送交吉林省人民政府办公厅");
    }

    WebSession otherOffice = new WebSession(port);
    otherOffice.login("czgov-clerk", "demo");
    HttpResponse<String> guessed = otherOffice.get("/items/00000000-0000-0000-0000-000000000000/record.pdf");
    for (String path : List.of("/record.pdf", "/feedback-form.pdf")) {
      HttpResponse<String> refused = otherOffice.get("/items/" + id + path);
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).isEqualTo(guessed.body()).doesNotContain("养老");
    }

    // No address for the proposer: the office posts the reply, the form with it.
    List<MimeMessage> copies = mail.to("jlgov-clerk@demo.local", "第PR1号");
    assertThat(copies).hasSize(1);
    assertThat(MailCatcher.pdfs(copies.get(0))).extracting(MailCatcher.Pdf::name)
        .containsExactlyInAnyOrder("答复函" + number + ".pdf", "征询意见表省政协十三届一次会议第PR1号.pdf");
    MailCatcher.Pdf attached = MailCatcher.pdfs(copies.get(0)).stream().filter(a -> a.name().startsWith("征询意见表")).findFirst().orElseThrow();
    try (PDDocument document = Loader.loadPDF(attached.content())) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(new PDFTextStripper().getText(document)).contains("答复文号：" + number);
    }
  }

  @Test
  void aProposerWithAnAddressGetsTheFormBesideTheLetterAndTheOfficeCopyOnlyTheLetter() throws Exception {
    ProcessInstance instance = driver.replied("PR2");
    mail.sendDueMail();
    String number = replies.get(instance.getBusinessKey(), 1).documentNumber();

    List<MimeMessage> reply = mail.to("zhangsan@demo.local", "第PR2号");
    assertThat(reply).hasSize(1);
    assertThat(MailCatcher.pdfs(reply.get(0))).extracting(MailCatcher.Pdf::name)
        .containsExactlyInAnyOrder("答复函" + number + ".pdf", "征询意见表省政协十三届一次会议第PR2号.pdf");
    assertThat(MailCatcher.pdfs(mail.to("jlgov-clerk@demo.local", "第PR2号").get(0))).extracting(MailCatcher.Pdf::name)
        .containsExactly("答复函" + number + ".pdf");
  }

  private static byte[] pdf(WebSession session, String path) {
    HttpResponse<byte[]> response = session.getBytes(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
    return response.body();
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
  }
}
