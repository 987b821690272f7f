package org.proposalhandling.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rare character outside the Basic Multilingual Plane (𠮷, U+20BB7, four bytes in UTF-8) in a proposer's
 * name and a title: the item's table, the engine's variables and tasks, and the tables' character sets.
 */
@SpringBootTestOnMariaDb
class FourByteCharactersOnMariaDbTest {

  static final String TITLE = "关于𠮷林社区养老服务站点建设的建议";
  static final String PROPOSER = "𠮷田";
  static final String REASON = "𠮷田委员所提事项属个人诉求，转为来信处理。";
  /** 𠮷 in UTF-8: stored as these four bytes, not as "?" or a truncated string. */
  static final String YOSHI_HEX = "F0A0AEB7";

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired JdbcClient jdbc;

  @Test
  void aFourByteCharacterSurvivesTheItemTheEngineAndTheFormsRoundTrip() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    Map<String, Object> form = ItemDriver.intake("U1");
    form.put("title", TITLE);
    form.put("proposerName", PROPOSER);
    ProcessInstance instance = driver.register(form);
    String itemId = instance.getBusinessKey();

    // The app's table.
    var item = items.get(itemId);
    assertThat(item.title()).isEqualTo(TITLE);
    assertThat(item.proposerName()).isEqualTo(PROPOSER);
    assertThat(jdbc.sql("select hex(proposer_name) from item where id = ?").param(itemId).query(String.class).single())
        .isEqualTo(YOSHI_HEX + "E794B0");

    // The engine: what the clerk sees on the acceptance review, as task-local variables and on the task itself.
    Task task = driver.task(instance, "Task_AcceptanceReview");
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "itemTitle")).isEqualTo(TITLE);
    assertThat((String) engine.getTaskService().getVariableLocal(task.getId(), "proposer")).contains(PROPOSER);
    assertThat(task.getDescription()).isEqualTo(TITLE);
    assertThat(jdbc.sql("select hex(TEXT_) from ACT_RU_VARIABLE where TASK_ID_ = ? and NAME_ = 'itemTitle'")
        .param(task.getId()).query(String.class).single()).contains(YOSHI_HEX);

    // Back through a form into the business data.
    driver.complete(instance, "Task_AcceptanceReview", Map.of("decision", "reject", "rejectionReason", REASON));
    driver.executeJobs(instance);
    var rejected = items.get(itemId);
    assertThat(rejected.rejectionReason()).isEqualTo(REASON);
    assertThat(rejected.title()).isEqualTo(TITLE);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(itemId)
        .singleResult().getEndTime()).isNotNull();
  }

  @Test
  void everyTableAndEveryTextColumnIsUtf8mb4() {
    assertThat(jdbc.sql("select default_collation_name from information_schema.schemata where schema_name = database()")
        .query(String.class).single()).isEqualTo("utf8mb4_bin");

    List<String> notUtf8mb4 = jdbc.sql("""
            select concat(table_name, ' ', table_collation) from information_schema.tables
            where table_schema = database() and table_collation not like 'utf8mb4%'""").query(String.class).list();
    assertThat(notUtf8mb4).as("tables whose collation is not utf8mb4").isEmpty();

    List<String> columnsNotUtf8mb4 = jdbc.sql("""
            select concat(table_name, '.', column_name, ' ', character_set_name) from information_schema.columns
            where table_schema = database() and character_set_name is not null and character_set_name <> 'utf8mb4'""")
        .query(String.class).list();
    assertThat(columnsNotUtf8mb4).as("text columns whose character set is not utf8mb4").isEmpty();

    // The app's tables and the engine's compare binary, as on H2.
    for (String table : List.of("unit", "item", "item_co_unit", "co_handling_opinion", "contact_record", "reply",
        "review_note", "document_sequence", "feedback", "ACT_RU_VARIABLE", "ACT_RU_TASK", "ACT_HI_VARINST")) {
      assertThat(jdbc.sql("select table_collation from information_schema.tables where table_schema = database() and table_name = ?")
          .param(table).query(String.class).single()).as(table).isEqualTo("utf8mb4_bin");
    }
  }

  @Test
  void theEngineKeepsLongTextsInMediumtextColumns() {
    List<String> types = jdbc.sql("""
            select concat(table_name, '.', column_name, ' ', data_type) from information_schema.columns
            where table_schema = database() and column_name = 'TEXT_'
              and table_name in ('ACT_RU_VARIABLE', 'ACT_HI_VARINST', 'ACT_HI_DETAIL') order by table_name""")
        .query(String.class).list();
    assertThat(types).containsExactly("ACT_HI_DETAIL.TEXT_ mediumtext", "ACT_HI_VARINST.TEXT_ mediumtext",
        "ACT_RU_VARIABLE.TEXT_ mediumtext");
  }
}
