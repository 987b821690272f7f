package org.proposalhandling.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.support.AppProcess;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.AppLayer;

/**
 * Two apps on one machine, each in its own folder, start their own MariaDB servers (on ports of their own) and
 * serve their own data; a third started on the first one's folder stops at once, naming the folder, and
 * neither shares nor disturbs the first one's server.
 */
@AppLayer
class EmbeddedDatabaseTest {

  static final Duration START = Duration.ofMinutes(4);
  static final Pattern SERVER_STARTED = Pattern.compile("内嵌 MariaDB [0-9.]+ 已启动：127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path first;
  @TempDir Path second;

  @Test
  @Timeout(600)
  void twoAppsOnOneMachineRunTheirOwnServersAndAThirdOnATakenFolderStops() {
    try (AppProcess one = AppProcess.startDemo(first); AppProcess two = AppProcess.startDemo(second)) {
      one.awaitStarted(START);
      two.awaitStarted(START);
      assertThat(serverPort(one)).isNotEqualTo(serverPort(two));
      String id = registeredItemId(one);
      assertThat(new EngineRestClient(two.port(), "admin", "demo").get("/history/process-instance?processInstanceBusinessKey=" + id).body())
          .as("the second app's database holds nothing of the first's").isEmpty();

      try (AppProcess intruder = AppProcess.startDemo(first)) {
        assertThat(intruder.awaitExit(START)).isNotZero();
        assertThat(intruder.output()).contains("数据目录 " + first.resolve("data").toAbsolutePath() + " 正被另一个应用进程使用");
      }
      assertThat(new EngineRestClient(one.port(), "admin", "demo").get("/history/process-instance?processInstanceBusinessKey=" + id).body())
          .as("the first app still serves its data").isNotEmpty();
    }
  }

  private static int serverPort(AppProcess app) {
    Matcher matcher = SERVER_STARTED.matcher(app.output());
    assertThat(matcher.find()).as(app.output()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** Any demo item's business key, as the first app's engine knows it (the demo's items come after the start). */
  private static String registeredItemId(AppProcess app) {
    Instant end = Instant.now().plus(START);
    JsonNode instances;
    while ((instances = new EngineRestClient(app.port(), "admin", "demo").get("/process-instance?processDefinitionKey=proposal-handling&maxResults=1").body()).isEmpty()) {
      assertThat(Instant.now()).as("no demo item in the first app").isBefore(end);
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return instances.get(0).get("businessKey").asText();
  }
}
