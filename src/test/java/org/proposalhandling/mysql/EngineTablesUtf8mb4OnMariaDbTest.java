package org.proposalhandling.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalhandling.ProposalHandlingApplication;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.ItemDriver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * As on MySQL 8, which has no old_mode: the app starts on an empty database (its own, dropped and recreated
 * here with the README's line) through a URL without old_mode='', so the engine's changelog creates the
 * engine's tables utf8mb3. Changeset 007 converts them, their foreign keys kept, and a 𠮷 in an engine
 * variable round-trips.
 */
@RequiresMariaDb
class EngineTablesUtf8mb4OnMariaDbTest {

  static final String DATABASE = "proposals_utf8mb3_test";
  static final String TITLE = "关于𠮷林社区养老服务站点建设的建议";

  @Test
  void theEngineTablesBecomeUtf8mb4AndAFourByteCharacterRoundTripsInAVariable() throws Exception {
    try (Connection connection = MariaDb.connect(MariaDb.url()); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE);
      statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
    }
    String url = MariaDb.urlOf(DATABASE).replaceAll("&?sessionVariables=[^&]*", "");
    assertThat(url).doesNotContain("old_mode");

    try (ConfigurableApplicationContext app = start(url)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("""
              select concat(table_name, ' ', table_collation) from information_schema.tables
              where table_schema = database() and table_name like 'ACT\\_%' and table_collation <> 'utf8mb4_bin'""")
          .query(String.class).list()).as("engine tables not utf8mb4_bin").isEmpty();
      assertThat(jdbc.sql("""
              select concat(table_name, '.', column_name, ' ', collation_name) from information_schema.columns
              where table_schema = database() and table_name like 'ACT\\_%'
                and collation_name is not null and collation_name <> 'utf8mb4_bin'""")
          .query(String.class).list()).as("engine text columns not utf8mb4_bin").isEmpty();
      // The key that made MariaDB refuse the conversion is back, with the others.
      List<String> keys = jdbc.sql("""
              select concat(table_name, ' ', constraint_name, ' ', referenced_table_name)
              from information_schema.referential_constraints where constraint_schema = database()""")
          .query(String.class).list();
      assertThat(keys).contains("ACT_RU_EVENT_SUBSCR ACT_FK_EVENT_EXEC ACT_RU_EXECUTION").hasSizeGreaterThan(20);

      ProcessEngine engine = app.getBean(ProcessEngine.class);
      ItemDriver driver = new ItemDriver(engine, app.getBean(MailOutbox.class));
      Map<String, Object> form = ItemDriver.intake("U8");
      form.put("title", TITLE);
      ProcessInstance instance = driver.register(form);
      Task task = driver.task(instance, "Task_AcceptanceReview");
      assertThat(engine.getTaskService().getVariableLocal(task.getId(), "itemTitle")).isEqualTo(TITLE);
      assertThat(jdbc.sql("select hex(TEXT_) from ACT_RU_VARIABLE where TASK_ID_ = ? and NAME_ = 'itemTitle'")
          .param(task.getId()).query(String.class).single()).contains("F0A0AEB7");
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(ProposalHandlingApplication.class)
        .profiles("test", "mysql", "mysql-test")
        // As MariaDbSchemaTest: a mock servlet context and no web server, and an engine name of its own.
        .web(WebApplicationType.SERVLET)
        .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
        .run("--spring.datasource.url=" + url, "--camunda.bpm.process-engine-name=utf8mb4Test");
  }
}
