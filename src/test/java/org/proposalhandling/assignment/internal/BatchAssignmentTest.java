package org.proposalhandling.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.proposalhandling.intakeimport.ImportClient;
import org.proposalhandling.intakeimport.ItemDriverRows;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Batch assignments through POST /api/assignments as the office's clerk, and a batch resumed from the store. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class BatchAssignmentTest {

  static final String SESSION = "省政协十三届一次会议";
  static final Duration WITHIN = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired AssignmentStore assignments;
  @Autowired AssignmentRunner assignmentRunner;
  final String prefix = "T" + System.nanoTime() % 10_000_000 + "-";

  ImportClient clerk() {
    return new ImportClient(port, "jlgov-clerk", "demo");
  }

  @Test
  void anItemThatCannotBeAssignedFailsAloneAndTheRestOfItsChunkIsAssigned() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Map<String, Object> form = ItemDriverRows.intake(SESSION, prefix + "b" + i);
      form.put("proposedLeadUnit", "jl-mz");
      ids.add(driver.register(form).getBusinessKey());
    }
    ImportClient.Response planned = clerk().post("/api/assignments", Map.of("itemIds", ids, "preview", true));
    assertThat(planned.status()).as("%s", planned.body()).isEqualTo(201);
    String batch = planned.body().path("id").asText();
    // Between the plan and its start, the second is assigned by hand: the batch may not assign it again.
    var second = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ids.get(1)).singleResult();
    driver.accept(second);
    driver.assign(second, "jl-cz");

    assertThat(clerk().post("/api/assignments/" + batch + "/start", Map.of()).status()).isEqualTo(202);
    JsonNode done = clerk().pollUntil("/api/assignments/" + batch, p -> p.path("state").asText().equals("DONE"), WITHIN);

    assertThat(done.path("done").asInt()).as("%s", done).isEqualTo(2);
    assertThat(done.path("failed").asInt()).isEqualTo(1);
    assertThat(done.path("failures").get(0).path("itemId").asText()).isEqualTo(ids.get(1));
    assertThat(done.path("failures").get(0).path("message").asText()).contains("不能再交办");
    assertThat(items.get(ids.get(0)).leadUnitId()).isEqualTo("jl-mz");
    assertThat(items.get(ids.get(2)).leadUnitId()).isEqualTo("jl-mz");
    assertThat(items.get(ids.get(1)).leadUnitId()).isEqualTo("jl-cz");
  }

  @Test
  void aBatchWhoseClerkLostTheRoleBeforeItRanAssignsNothing() throws InterruptedException {
    ItemDriver driver = new ItemDriver(engine, outbox);
    String itemId = driver.register(ItemDriverRows.intake(SESSION, prefix + "r1")).getBusinessKey();
    // Confirmed by a user who is no longer one of the office's clerks when the batch runs (here: a user the
    // directory no longer has); the runner starts from the store, as at a restart.
    String batchId = UUID.randomUUID().toString();
    assignments.create(new AssignmentStore.BatchRecord(batchId, "jl-gov", null, AssignmentStore.State.PREVIEW,
        "former-clerk", Instant.now(), null, null),
        List.of(new AssignmentStore.Planned(1, itemId, "jl-mz", List.of(), AssignmentStore.ItemState.PENDING, null)));
    assertThat(assignments.start(batchId)).isTrue();

    assignmentRunner.resume();
    long until = System.nanoTime() + WITHIN.toNanos();
    while (assignments.find(batchId).orElseThrow().state() != AssignmentStore.State.DONE && System.nanoTime() < until) {
      Thread.sleep(200);
    }

    AssignmentStore.Counts counts = assignments.counts(batchId);
    assertThat(counts.failed()).as("%s", counts).isEqualTo(1);
    assertThat(counts.done()).isZero();
    assertThat(assignments.inState(batchId, AssignmentStore.ItemState.FAILED).get(0).message()).startsWith("交办失败");
    assertThat(items.get(itemId).leadUnitId()).isNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(itemId)
        .taskDefinitionKey("Task_AcceptanceReview").count()).isEqualTo(1);
  }

  /** The API and the pages live in this module; the clerk's refusals (ClerkApi, ClerkPage) must still reach them. */
  @Test
  void refusalsAreAnsweredInChineseOnTheApiAndOnThePage() {
    ImportClient handler = new ImportClient(port, "jlmz-handler", "demo");
    ImportClient.Response notClerk = handler.post("/api/assignments", Map.of("itemIds", List.of("x")));
    assertThat(notClerk.status()).isEqualTo(403);
    assertThat(notClerk.body().path("message").asText()).contains("交办员");
    ImportClient.Response nothingPicked = clerk().post("/api/assignments", Map.of("itemIds", List.of()));
    assertThat(nothingPicked.status()).isEqualTo(400);
    assertThat(nothingPicked.body().path("errors").get(0).path("message").asText()).isEqualTo("请选择要交办的建议提案。");
    ImportClient.Response unknown = clerk().get("/api/assignments/unknown");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("message").asText()).isEqualTo("没有找到此批交办。");

    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
    var page = office.get("/imports/assignments/unknown");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("没有找到此批交办。");
  }
}
