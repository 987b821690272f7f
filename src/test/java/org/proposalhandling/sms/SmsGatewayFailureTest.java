package org.proposalhandling.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.proposalhandling.sms.SmppCatcher.Behaviour;
import org.proposalhandling.sms.SmppCatcher.Caught;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.AppProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway that refuses binds, or accepts the connection and never answers, costs a text one failed attempt
 * each (within the bind timeout, 1 s in the tests) and the text is retried; once the gateway answers it arrives
 * once. A node that dies between the gateway's answer and the record of the send leaves the text locked; after
 * the lock it is sent once more, under the same message id. The gateway is an SMPP server in this JVM (jSMPP's
 * server side); the tests send what is due through the outbox, as the SMS threads do.
 */
@AppLayer
// An engine name of its own: this context has no demo users and must not replace the JVM's "default" engine.
@SpringBootTest(properties = {"proposals.sms.enabled=true", "camunda.bpm.process-engine-name=smsGatewayFailureTest"})
@ActiveProfiles("test")
class SmsGatewayFailureTest {

  static final int PORT = AppProcess.freePort();
  static final SmppCatcher GATEWAY = startGateway();

  @Autowired SmsSender sender;
  @Autowired SmsOutbox outbox;
  @Autowired SmsChannel channel;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void gatewayPort(DynamicPropertyRegistry registry) {
    registry.add("proposals.sms.port", () -> PORT);
  }

  @BeforeEach
  void answering() {
    GATEWAY.behave(Behaviour.ANSWER);
    GATEWAY.clear();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void stopGateway() {
    GATEWAY.close();
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aGatewayThatRefusesOrNeverAnswersCostsAnAttemptEachAndTheTextArrivesOnceItAnswers() {
    String id = sender.send(new Sms(null, "test", "+86 138-0000-0009", "网关故障测试短信"));
    assertThat(jdbc.sql("select recipient from sms_message where id = ?").param(id).query(String.class).single())
        .isEqualTo("13800000009");

    GATEWAY.behave(Behaviour.REFUSE_BINDS);
    assertThat(outbox.sendDue()).isEqualTo(1);
    ExternalTask refused = taskOf(id);
    assertThat(refused.getRetries()).isEqualTo(5);
    assertThat(refused.getErrorMessage()).startsWith("短信发送失败：").doesNotContain("13800000009");

    GATEWAY.behave(Behaviour.NEVER_ANSWER);
    ClockUtil.setCurrentTime(new Date(refused.getLockExpirationTime().getTime() + 1000));
    long start = System.nanoTime();
    assertThat(outbox.sendDue()).isEqualTo(1);
    // One bind timeout (1 s here), not jSMPP's default of a minute.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    ExternalTask hung = taskOf(id);
    assertThat(hung.getRetries()).isEqualTo(4);
    assertThat(GATEWAY.caught()).isEmpty();

    GATEWAY.behave(Behaviour.ANSWER);
    ClockUtil.setCurrentTime(new Date(hung.getLockExpirationTime().getTime() + 1000));
    assertThat(outbox.sendDue()).isZero();
    assertThat(GATEWAY.caught()).extracting(Caught::clientId, Caught::to, Caught::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "13800000009", "【建议提案办理系统】网关故障测试短信"));
    assertThat(dispatchOf(id)).isEmpty();
    assertThat(outbox.sendDue()).isZero();
    assertThat(GATEWAY.caught()).hasSize(1);
  }

  @Test
  void aCrashBetweenTheSendAndItsRecordSendsOnceMoreUnderTheSameId() throws Exception {
    String id = sender.send(new Sms(null, "test", "13800000008", "崩溃测试短信：发出之后、记录之前节点崩溃。"));
    // A node takes the text, the gateway accepts it, and the node dies before it records the send.
    List<LockedExternalTask> taken = externalTasks.fetchAndLock(1, "node-that-dies").topic(SmsOutbox.TOPIC, 60_000).execute();
    assertThat(taken).extracting(LockedExternalTask::getBusinessKey).containsExactly(id);
    channel.send(id, "13800000008", "【建议提案办理系统】崩溃测试短信：发出之后、记录之前节点崩溃。");
    assertThat(outbox.sendDue()).as("locked to the dead node").isZero();

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 61_000));
    assertThat(outbox.sendDue()).isZero();
    assertThat(outbox.sendDue()).isZero();

    assertThat(GATEWAY.caught()).extracting(Caught::clientId).containsExactly(id, id);
    assertThat(dispatchOf(id)).isEmpty();
  }

  @Test
  void aTextLongerThanOneSmsGoesAsConcatenatedSegmentsAndArrivesWhole() {
    String text = "长".repeat(150);
    sender.send(new Sms(null, "test", "13800000007", text));
    assertThat(outbox.sendDue()).isZero();
    assertThat(GATEWAY.caught()).singleElement().satisfies(caught -> {
      assertThat(caught.segments()).isEqualTo(3);  // 【建议提案办理系统】 and 150: 160 characters, 67 a segment
      assertThat(caught.text()).isEqualTo("【建议提案办理系统】" + text);
    });
  }

  private List<ExternalTask> tasksOf(String smsId) {
    return dispatchOf(smsId).stream()
        .flatMap(instance -> externalTasks.createExternalTaskQuery().processInstanceId(instance).list().stream()).toList();
  }

  private ExternalTask taskOf(String smsId) {
    return tasksOf(smsId).get(0);
  }

  private List<String> dispatchOf(String smsId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(SmsOutbox.PROCESS).processInstanceBusinessKey(smsId)
        .list().stream().map(instance -> instance.getId()).toList();
  }

  private static SmppCatcher startGateway() {
    try {
      return new SmppCatcher(PORT);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
