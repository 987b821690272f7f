package org.proposalhandling.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.AppProcess;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.EngineRestClient.Response;

/**
 * An action confirmed to a user survives a crash of the app on its embedded default database (the MariaDB
 * server it starts, its files under ./data): the app runs in a JVM of its own, a demo user completes a task
 * through engine REST, and the JVM is killed (SIGKILL) the moment the 204 arrives; restarted on the same files,
 * the task is completed. Twice, with another task each time: the first time the app alone is killed (its
 * server runs on, and the restarted app stops it before starting its own), the second time the database
 * server too (SIGKILL: the restarted server recovers from InnoDB's log what was committed).
 */
@AppLayer
class CrashDurabilityTest {

  static final Duration START = Duration.ofMinutes(5);

  /** A handler of a co-handling unit of the demo item 0044, who gives the unit's opinion. */
  record CoHandler(String user, String group) {
  }

  /** One opinion per crash. */
  static final List<CoHandler> CO_HANDLERS = List.of(new CoHandler("jlcz-handler", "jl-cz-handler"),
      new CoHandler("jlwjw-handler", "jl-wjw-handler"));

  @TempDir Path directory;

  @Test
  @Timeout(900)
  void aTaskCompletedRightBeforeAKillIsStillCompletedAfterTheRestart() {
    AppProcess app = AppProcess.startDemo(directory).awaitStarted(START);
    try {
      for (CoHandler coHandler : CO_HANDLERS) {
        EngineRestClient handler = new EngineRestClient(app.port(), coHandler.user(), "demo");
        String taskId = openTask(handler, coHandler.group());

        Response completed = handler.post("/task/" + taskId + "/submit-form",
            EngineRestClient.variables(Map.of("opinion", "同意主办单位意见（" + coHandler.user() + "）。")));
        assertThat(completed.status()).as(String.valueOf(completed.body())).isEqualTo(204);
        app.kill();
        if (coHandler == CO_HANDLERS.get(1)) {
          app.killDatabase();
        }

        app = AppProcess.startDemo(directory).awaitStarted(START);
        EngineRestClient admin = new EngineRestClient(app.port(), "admin", "demo");
        assertThat(admin.get("/task/" + taskId).status()).as("task " + taskId + " open again").isEqualTo(404);
        assertThat(admin.get("/history/task?finished=true&taskId=" + taskId).body()).hasSize(1);
      }
    } finally {
      app.close();
    }
  }

  /** The unit's co-handling task, once the demo is seeded and the job executor has run the step before it. */
  private static String openTask(EngineRestClient handler, String group) {
    Instant end = Instant.now().plusSeconds(180);
    Response open;
    // 401 until the demo's users are seeded, which follows the start.
    while ((open = handler.get("/task?taskDefinitionKey=Task_CoHandlingOpinion&candidateGroup=" + group)).status() != 200
        || open.body().isEmpty()) {
      assertThat(Instant.now()).as("no co-handling task for " + group).isBefore(end);
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    assertThat(open.body()).hasSize(1);
    return open.body().get(0).get("id").asText();
  }
}
