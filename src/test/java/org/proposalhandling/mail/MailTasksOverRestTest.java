package org.proposalhandling.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mail's external task is open to engine REST's external-task endpoints, which every logged-in user reaches:
 * a user who fetches, lists or completes the mail tasks gets nothing, and the mail stays unsent and unlocked
 * for the app's mail threads. Fetching needs a grant on the dispatch instance, which no user has.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class MailTasksOverRestTest {

  @LocalServerPort int port;
  @Autowired Mailer mailer;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  @Test
  void aUserCanNeitherTakeNorSeeNorCompleteAMail() {
    mailer.send(new Mail(null, "rejection", "zhangsan@demo.local", List.of(), "【不予立案】REST测试",
        Map.of("item", Map.of("proposerName", "张三", "title", "标题", "rejectionReason", "理由"), "reference", "第R1号")));
    String mailId = jdbc.sql("select id from mail_message where subject = ?").param("【不予立案】REST测试")
        .query(String.class).single();
    String dispatch = runtime.createProcessInstanceQuery().processDefinitionKey("mail-dispatch")
        .processInstanceBusinessKey(mailId).singleResult().getId();
    ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(dispatch).singleResult();
    EngineRestClient handler = new EngineRestClient(port, "jlmz-handler", "demo");

    Response fetched = handler.post("/external-task/fetchAndLock", Map.of("workerId", "hostile", "maxTasks", 100,
        "topics", List.of(Map.of("topicName", MailOutbox.TOPIC, "lockDuration", 3_600_000))));
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.body()).isEmpty();
    assertThat(handler.get("/external-task?topicName=" + MailOutbox.TOPIC).body()).isEmpty();
    assertThat(handler.get("/external-task/" + task.getId()).status()).isBetween(400, 499);
    assertThat(handler.post("/external-task/" + task.getId() + "/complete", Map.of("workerId", "hostile")).status())
        .isBetween(400, 499);
    assertThat(handler.put("/external-task/" + task.getId() + "/retries", Map.of("retries", 0)).status())
        .isBetween(400, 499);

    ExternalTask after = externalTasks.createExternalTaskQuery().externalTaskId(task.getId()).singleResult();
    assertThat(after.getWorkerId()).isNull();
    assertThat(after.getLockExpirationTime()).isNull();
    assertThat(after.getRetries()).isNull();
    assertThat(jdbc.sql("select count(*) from mail_message where id = ? and sent_at is null").param(mailId)
        .query(Integer.class).single()).isEqualTo(1);
  }
}
