package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.intakeimport.ImportFiles.csv;
import static org.proposalhandling.intakeimport.ImportFiles.row;
import static org.proposalhandling.intakeimport.ImportFiles.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A batch of items: 600 rows through POST /api/imports, the progress polled to the end, then the whole batch
 * assigned to the suggested units through POST /api/assignments. Prints how long each part took; a national
 * session's 15,000 rows are measured with -DlargeImport.rows=15000 (2,000 in the suite took 130 s of its 20 minutes).
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LargeImportTest {

  /** A multiple of 100: every hundredth row names no lead unit. */
  static final int ROWS = Integer.getInteger("largeImport.rows", 600);
  static final String SESSION = "省人大十四届三次会议";
  static final List<String> UNITS = List.of("吉林省民政厅", "吉林省财政厅", "吉林省卫生健康委员会", "吉林银保监局");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ItemRepository items;
  @Autowired JdbcClient jdbc;
  final String prefix = "L" + System.nanoTime() % 1_000_000 + "-";

  /**
   * Its items' processes go when it is done: the test context is shared, and their open tasks in the demo
   * users' lists made the Tasklist browser tests that run later wait past their timeouts. The items stay, in
   * their own session.
   */
  @AfterEach
  void deleteTheImportedProcesses() {
    List<String> instances = jdbc.sql("select process_instance_id from item where session_name = ? and item_number like ?")
        .params(SESSION, prefix + "%").query(String.class).list().stream().filter(Objects::nonNull).toList();
    engine.getRuntimeService().deleteProcessInstancesIfExists(instances, "测试结束", true, true, false);
  }

  @Test
  void aBatchOfRowsIsImportedThenAssignedWithProgressToTheEnd() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      List<String> row = row(SESSION, prefix + i, "关于第" + i + "项民生工程的建议");
      row = with(row, ImportColumn.KIND, "代表建议");
      row = with(row, ImportColumn.LEAD_UNIT, i % 100 == 0 ? null : UNITS.get(i % 4));
      row = with(row, ImportColumn.CO_UNITS, i % 3 == 0 ? UNITS.get((i + 1) % 4) : null);
      rows.add(row);
    }
    ImportClient clerk = new ImportClient(port, "jlgov-clerk", "demo");

    long importStart = System.nanoTime();
    ImportClient.Response accepted = clerk.upload("session.csv", csv(rows).getBytes(StandardCharsets.UTF_8), false);
    assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
    String importId = accepted.body().path("id").asText();
    List<Integer> seen = new ArrayList<>();
    JsonNode imported = clerk.pollUntil("/api/imports/" + importId, progress -> {
      seen.add(progress.path("started").asInt());
      return progress.path("state").asText().equals("DONE");
    }, Duration.ofMinutes(10));
    Duration importTook = Duration.ofNanos(System.nanoTime() - importStart);

    assertThat(imported.path("total").asInt()).isEqualTo(ROWS);
    assertThat(imported.path("started").asInt()).isEqualTo(ROWS);
    assertThat(imported.path("failed").asInt()).isZero();
    assertThat(seen).as("progress seen while it ran").anyMatch(started -> started > 0 && started < ROWS);

    // The job after each start event (asyncAfter) creates its 立案审查 task; the test profile has no job executor.
    long jobsStart = System.nanoTime();
    Set<String> instances = rows.stream().map(row -> items.findBySessionAndNumber(SESSION, row.get(1)).orElseThrow())
        .map(Item::processInstanceId).collect(Collectors.toSet());
    List<Job> jobs = engine.getManagementService().createJobQuery().processDefinitionKey("proposal-handling")
        .executable().list().stream().filter(job -> instances.contains(job.getProcessInstanceId())).toList();
    assertThat(jobs).hasSize(ROWS);
    jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    Duration jobsTook = Duration.ofNanos(System.nanoTime() - jobsStart);

    long assignStart = System.nanoTime();
    ImportClient.Response planned = clerk.post("/api/assignments", Map.of("importId", importId, "preview", true));
    assertThat(planned.status()).as("%s", planned.body()).isEqualTo(201);
    String batchId = planned.body().path("id").asText();
    JsonNode plan = planned.body().path("plan");
    assertThat(plan.path("byLeadUnit").path("吉林省民政厅").asInt()).isEqualTo(ROWS / 4 - ROWS / 100);
    List<JsonNode> manual = new ArrayList<>();
    plan.path("items").forEach(item -> {
      if (item.path("state").asText().equals("MANUAL")) {
        manual.add(item);
      }
    });
    assertThat(manual).hasSize(ROWS / 100).allSatisfy(item -> assertThat(item.path("message").asText()).contains("请人工交办"));
    assertThat(clerk.post("/api/assignments/" + batchId + "/start", Map.of()).status()).isEqualTo(202);
    JsonNode assigned = clerk.pollUntil("/api/assignments/" + batchId,
        progress -> progress.path("state").asText().equals("DONE"), Duration.ofMinutes(10));
    Duration assignTook = Duration.ofNanos(System.nanoTime() - assignStart);

    assertThat(assigned.path("done").asInt()).as("%s", assigned).isEqualTo(ROWS - ROWS / 100);
    assertThat(assigned.path("failed").asInt()).isZero();
    assertThat(assigned.path("manual").asInt()).isEqualTo(ROWS / 100);
    Item third = items.findBySessionAndNumber(SESSION, prefix + 3).orElseThrow();
    assertThat(third.status()).isEqualTo(ItemStatus.HANDLING);
    assertThat(third.leadUnitId()).isEqualTo("jl-yjj");
    assertThat(third.replyDue()).isNotNull();
    assertThat(items.coHandlingUnitIds(third.id())).containsExactly("jl-mz");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(third.processInstanceId())
        .taskDefinitionKey("Task_ContactRecord").count()).isEqualTo(1);
    assertThat(items.findBySessionAndNumber(SESSION, prefix + 100).orElseThrow().status()).isEqualTo(ItemStatus.REGISTERED);

    System.out.printf("%n=== %d rows: import %.1f s (%.0f rows/s), registration jobs %.1f s, batch assignment of %d items %.1f s ===%n%n",
        ROWS, importTook.toMillis() / 1000.0, ROWS * 1000.0 / importTook.toMillis(), jobsTook.toMillis() / 1000.0,
        ROWS - ROWS / 100, assignTook.toMillis() / 1000.0);
  }
}
