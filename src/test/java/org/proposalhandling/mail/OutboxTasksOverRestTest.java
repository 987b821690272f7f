package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.proposalhandling.sms.Sms;
import org.proposalhandling.sms.SmsOutbox;
import org.proposalhandling.sms.SmsSender;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mail's or a text's external task is open to engine REST's external-task endpoints, which every logged-in
 * user reaches: a user who fetches, lists, completes or stops the outbox's tasks gets nothing, and the message
 * stays unsent and unlocked for the app's own threads. Fetching needs a grant on the dispatch instance, which
 * no user has.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class OutboxTasksOverRestTest {

  /** One channel's outbox: its dispatch process and topic, the table of its messages. */
  record Channel(String process, String topic, String table) {
  }

  @LocalServerPort int port;
  @Autowired Mailer mailer;
  @Autowired SmsSender texts;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  static Stream<Named<Channel>> channels() {
    return Stream.of(Named.of("邮件", new Channel(MailOutbox.PROCESS, MailOutbox.TOPIC, "mail_message")),
        Named.of("短信", new Channel(SmsOutbox.PROCESS, SmsOutbox.TOPIC, "sms_message")));
  }

  @ParameterizedTest
  @MethodSource("channels")
  void aUserCanNeitherTakeNorSeeNorCompleteAMessage(Channel channel) {
    String messageId = queue(channel);
    String dispatch = runtime.createProcessInstanceQuery().processDefinitionKey(channel.process())
        .processInstanceBusinessKey(messageId).singleResult().getId();
    ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(dispatch).singleResult();
    EngineRestClient handler = new EngineRestClient(port, "jlmz-handler", "demo");

    Response fetched = handler.post("/external-task/fetchAndLock", Map.of("workerId", "hostile", "maxTasks", 100,
        "topics", List.of(Map.of("topicName", channel.topic(), "lockDuration", 3_600_000))));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.body()).isEmpty();
    assertThat(handler.get("/external-task?topicName=" + channel.topic()).body()).isEmpty();
    assertThat(handler.get("/external-task/" + task.getId()).status()).isBetween(400, 499);
    assertThat(handler.post("/external-task/" + task.getId() + "/complete", Map.of("workerId", "hostile")).status())
        .isBetween(400, 499);
    assertThat(handler.put("/external-task/" + task.getId() + "/retries", Map.of("retries", 0)).status())
        .isBetween(400, 499);

    ExternalTask after = externalTasks.createExternalTaskQuery().externalTaskId(task.getId()).singleResult();
    assertThat(after.getWorkerId()).isNull();
    assertThat(after.getLockExpirationTime()).isNull();
    assertThat(after.getRetries()).isNull();
    assertThat(jdbc.sql("select count(*) from " + channel.table() + " where id = ? and sent_at is null").param(messageId)
        .query(Integer.class).single()).isEqualTo(1);
  }

  /** Queues one message on the channel; its id. */
  private String queue(Channel channel) {
    if (channel.process().equals(SmsOutbox.PROCESS)) {
      return texts.send(new Sms(null, "test", "13800000009", "REST测试"));
    }
    mailer.send(new Mail(null, "rejection", "zhangsan@demo.local", List.of(), "【不予立案】REST测试",
        Map.of("item", Map.of("proposerName", "张三", "title", "标题", "rejectionReason", "理由"), "reference", "第R1号")));
    return jdbc.sql("select id from mail_message where subject = ?").param("【不予立案】REST测试").query(String.class).single();
  }
}
