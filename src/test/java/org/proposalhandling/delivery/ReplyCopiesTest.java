package org.proposalhandling.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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
  @Autowired JdbcClient jdbc;

  @Test
  void theLetterListsTheCopiesAndEachCopyWithAnAddressIsMailed() throws Exception {
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = signedWithACoHandlingUnit(driver, "CC1");
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

  @Test
  void theCopiesAreAStepOfTheirOwnThatRunAgainWritesNoSecondCopy() {
    BpmnAwareTests.init(engine);
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = signedWithACoHandlingUnit(driver, "CC2");
    driver.executeJobsLeavingMail(instance);
    assertThat(instance).hasPassed("Task_DeliverReply", "Task_CopyReply").isWaitingAt("Event_ReplySent");
    int copies = copyMails(instance);
    assertThat(copies).isEqualTo(3);

    // As an operator would from Cockpit: the step once more, for the same round.
    engine.getRuntimeService().createProcessInstanceModification(instance.getId())
        .cancelAllForActivity("Event_ReplySent").startBeforeActivity("Task_CopyReply").execute();
    driver.executeJobsLeavingMail(instance);
    assertThat(copyMails(instance)).isEqualTo(copies);
    driver.executeJobs(instance);
    assertThat(instance).isWaitingAt("Task_Feedback");
  }

  private int copyMails(ProcessInstance instance) {
    return jdbc.sql("select count(*) from mail_message where subject_id = ? and purpose = 'reply-copy'")
        .param(instance.getBusinessKey()).query(Integer.class).single();
  }

  /** An item with the co-handling unit 吉林省财政厅, its reply signed; the jobs after the sign-off not run yet. */
  private static ProcessInstance signedWithACoHandlingUnit(ItemDriver driver, String number) {
    var intake = ItemDriver.intake(number);
    intake.put("sessionName", "抄送测试" + System.nanoTime());
    ProcessInstance instance = driver.register(intake);
    driver.accept(instance);
    driver.assign(instance, "jl-mz", "jl-cz");
    driver.opinionsToReview(instance, Map.of("jl-cz", "同意。"), "答复正文");
    driver.signOff(instance, true, null);
    return instance;
  }
}
