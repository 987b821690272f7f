package org.proposalhandling.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.ProposalHandlingApplication;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.ItemDriver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * Liquibase owns the schema: the changelog builds it on an empty database (its own, dropped and recreated
 * here), the app runs an item through it, and a second start of the app on the same database applies no
 * changeset. The database is created latin1 on purpose, MariaDB's upstream default, unlike the README's
 * line: the engine's and the app's tables must come out utf8mb4 all the same.
 */
@RequiresMariaDb
class MariaDbSchemaTest {

  static final String DATABASE = "proposals_schema_test";
  static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

  @Test
  void theChangelogBuildsAnEmptyDatabaseAndASecondStartAppliesNothing() throws Exception {
    try (Connection connection = MariaDb.connect(MariaDb.url()); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE);
      statement.execute("create database " + DATABASE + " character set latin1");
    }
    String url = MariaDb.urlOf(DATABASE);

    String itemId;
    int applied;
    try (ConfigurableApplicationContext app = start(url)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select database()").query(String.class).single()).isEqualTo(DATABASE);
      applied = changeSets(jdbc);
      assertThat(applied).isGreaterThan(0);
      assertThat(jdbc.sql("select ID from DATABASECHANGELOG where ID like '002-long-text-variables%'")
          .query(String.class).list()).as("the changesets of the app for dbms mariadb").containsExactly("002-long-text-variables-mysql");

      List<String> notUtf8mb4Bin = jdbc.sql("""
              select concat(table_name, ' ', table_collation) from information_schema.tables
              where table_schema = database() and table_name not like 'DATABASECHANGELOG%'
                and table_collation <> 'utf8mb4_bin'""").query(String.class).list();
      assertThat(notUtf8mb4Bin).as("tables of the engine and the app not utf8mb4_bin").isEmpty();
      List<String> columnsNotUtf8mb4 = jdbc.sql("""
              select concat(table_name, '.', column_name, ' ', character_set_name) from information_schema.columns
              where table_schema = database() and table_name not like 'DATABASECHANGELOG%'
                and character_set_name is not null and character_set_name <> 'utf8mb4'""").query(String.class).list();
      assertThat(columnsNotUtf8mb4).as("text columns not utf8mb4").isEmpty();

      // An item is 已答复 once its reply's mail has left: an SMTP server takes it.
      GreenMail smtp = new GreenMail(new ServerSetup(app.getBean(JavaMailSenderImpl.class).getPort(), "127.0.0.1",
          ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      try {
        ItemDriver driver = new ItemDriver(app.getBean(ProcessEngine.class), app.getBean(MailOutbox.class));
        Map<String, Object> form = ItemDriver.intake("E1");
        form.put("proposerName", "𠮷田");
        ProcessInstance instance = driver.register(form);
        driver.accept(instance);
        driver.assign(instance, "jl-mz");
        driver.recordContact(instance);
        driver.executeJobs(instance);
        driver.draft(instance, "答复正文");
        driver.review(instance, true, null);
        driver.signOff(instance, true, null);
        driver.executeJobs(instance);
        driver.feedback(instance, "SATISFIED", "答复具体，满意。");
        itemId = instance.getBusinessKey();
      } finally {
        smtp.stop();
      }
      assertThat(app.getBean(ItemRepository.class).get(itemId).status()).isEqualTo(ItemStatus.CLOSED);
      assertThat(app.getBean(ItemRepository.class).get(itemId).proposerName()).isEqualTo("𠮷田");
    }

    try (ConfigurableApplicationContext app = start(url)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(changeSets(jdbc)).as("changesets after the second start").isEqualTo(applied);
      try (Connection connection = app.getBean(DataSource.class).getConnection()) {
        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(),
            DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
        // 007 runs at every start by design (it converts only engine tables not yet utf8mb4): it is always "pending".
        assertThat(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())).as("pending changesets")
            .allMatch(changeSet -> changeSet.getId().equals("007-engine-tables-utf8mb4"));
      }
      assertThat(app.getBean(ItemRepository.class).get(itemId).status()).isEqualTo(ItemStatus.CLOSED);
    }
  }

  private static int changeSets(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from DATABASECHANGELOG").query(Integer.class).single();
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(ProposalHandlingApplication.class)
        .profiles("test", "mysql", "mysql-test")
        // A mock servlet context, as @SpringBootTest gives by default, and no web server: the webapps keep
        // state per JVM that a closed server spoils for the browser test, which runs in the same JVM.
        // An engine name of its own: closing this app unregisters its engine from the JVM's registry.
        .web(WebApplicationType.SERVLET)
        .contextFactory(type -> new GenericWebApplicationContext(new MockServletContext()))
        .run("--spring.datasource.url=" + url, "--camunda.bpm.process-engine-name=schemaTest");
  }
}
