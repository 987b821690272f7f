package org.proposalhandling.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** proposals.feedback.result-rule=any-dissatisfied: one co-signer's 不满意 makes the item's, and it is handled again. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "proposals.feedback.result-rule=any-dissatisfied")
@ActiveProfiles({"test", "demo"})
class AnyDissatisfiedRuleTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;

  @Test
  void oneCoSignersNotSatisfiedSendsTheItemBackForRehandling() throws Exception {
    BpmnAwareTests.init(engine);
    ItemDriver driver = new ItemDriver(engine, outbox);
    JointItems joint = new JointItems(driver, new MailCatcher(smtp, outbox), port);
    ProcessInstance instance = joint.replied("R1");
    joint.post(joint.link("R1", JointItems.CO_SIGNERS[0]), Map.of("satisfaction", "SATISFIED"));
    joint.post(joint.link("R1", JointItems.CO_SIGNERS[1]), Map.of("satisfaction", "UNSATISFIED", "comments", "措施不具体。"));

    joint.post(joint.link("R1", JointItems.LEAD), Map.of("satisfaction", "SATISFIED"));
    driver.executeJobs(instance);

    assertThat(items.get(instance.getBusinessKey()).satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
    assertThat(instance).isWaitingAt("Task_ContactRecord");
    JsonNode statistics = joint.statistics();
    assertThat(statistics.path("resultRule").asText()).contains("任一联名（附议）人不满意即为不满意");
    assertThat(JointItems.value(statistics.path("bySession"), "", "SATISFACTION_RATE").asDouble()).isZero();
    assertThat(JointItems.value(statistics.path("byPerson"), "", "PERSON_SATISFACTION_RATE").asDouble()).isEqualTo(0.5);
  }
}
