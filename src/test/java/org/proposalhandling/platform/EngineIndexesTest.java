package org.proposalhandling.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The look-ups the engine makes on every task completion use an index (changeset 015), not a scan of all tasks. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EngineIndexesTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aCompletedTasksSubtasksAreFoundThroughAnIndex() {
    // possible_keys, not the key chosen: on the demo's few tasks a scan costs as little as the index.
    String indexes = jdbc.sql("explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?").param("some-task")
        .query((row, number) -> row.getString("possible_keys")).single();
    assertThat(indexes).containsIgnoringCase("IX_ACT_TASK_PARENT");
  }
}
