package org.proposalhandling.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * proposals.letter.joint-salutation=each: every proposer of a joint item receives a letter addressed to him
 * alone, read back from the mails the SMTP server caught; the item's page keeps the joint letter.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.process-engine-name=eachSalutationTest", "proposals.letter.joint-salutation=each"})
@ActiveProfiles({"test", "demo"})
class EachSalutationTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  MailCatcher mail;
  JointItems joint;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    mail = new MailCatcher(smtp, outbox);
    joint = new JointItems(new ItemDriver(engine, outbox), mail, port);
  }

  @Test
  void eachProposersMailCarriesALetterAddressedToHimAlone() {
    ProcessInstance instance = joint.replied("S1");

    assertThat(letterTo(JointItems.LEAD)).contains("尊敬的张三委员：").doesNotContain("等4位委员");
    assertThat(letterTo(JointItems.CO_SIGNERS[0])).contains("尊敬的李四委员：").doesNotContain("张三");
    assertThat(letterTo(JointItems.CO_SIGNERS[1])).contains("尊敬的王五委员：").doesNotContain("张三");
    assertThat(letterTo(JointItems.CO_SIGNERS[2])).contains("尊敬的赵六委员：").doesNotContain("张三");

    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
    assertThat(new MailCatcher.Pdf("答复函", office.getBytes("/items/" + instance.getBusinessKey() + "/reply-1.pdf").body()).text())
        .contains("尊敬的张三委员等4位委员：");
  }

  private String letterTo(String address) {
    MimeMessage reply = mail.to(address, "【答复】").stream()
        .filter(message -> MailCatcher.subject(message).contains(joint.session)).findFirst().orElseThrow();
    return MailCatcher.pdfs(reply).stream().filter(pdf -> pdf.name().startsWith("答复函")).findFirst().orElseThrow().text();
  }
}
