package org.proposalhandling.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * 抄送 as the office configures it: the letter lists the assigning office, the co-handling units and the
 * committee in charge at its foot, and each of them with an address receives the reply by mail.
 */
@AppLayer
@SpringBootTest(properties = {"proposals.letter.copies=CO_HANDLING_UNITS,COMMITTEE",
    "proposals.letter.committees.MEMBER_PROPOSAL.name=吉林省政协提案委员会",
    "proposals.letter.committees.MEMBER_PROPOSAL.email=tiwei@demo.local"})
@ActiveProfiles({"test", "demo"})
class ReplyCopiesTest {

  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  /** The demo's SMTP catcher, which the app sends to. */
  @Autowired GreenMail smtp;

  @Test
  void theLetterListsTheCopiesAndEachCopyWithAnAddressIsMailed() throws Exception {
    ItemDriver driver = new ItemDriver(engine, outbox);
    var intake = ItemDriver.intake("CC1");
    intake.put("sessionName", "抄送测试" + System.nanoTime());
    ProcessInstance instance = driver.register(intake);
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    driver.opinionsToReview(instance, Map.of("jl-cz", "同意。"), "答复正文");
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    MailCatcher mail = new MailCatcher(smtp, outbox);
    mail.sendDueMail();

    List<MimeMessage> committeeCopies = mail.to("tiwei@demo.local", "第CC1号");
    assertThat(committeeCopies).hasSize(1);
    assertThat(committeeCopies.get(0).getSubject()).startsWith("【抄送】");
    assertThat(mail.to("jlcz-handler@demo.local", "第CC1号")).extracting(MimeMessage::getSubject)
        .anySatisfy(subject -> assertThat(subject).startsWith("【抄送】"));
    try (PDDocument letter = Loader.loadPDF(MailCatcher.pdfs(committeeCopies.get(0)).get(0).content())) {
      assertThat(new PDFTextStripper().getText(letter).replaceAll("\\R", ""))
          .contains("抄送：吉林省人民政府办公厅，吉林省财政厅，吉林省政协提案委员会。");
    }
  }
}
