package org.proposalhandling.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
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
import org.proposalhandling.ItemDriver;
import org.proposalhandling.ProposalHandlingApplication;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Liquibase owns the schema: the changelog builds it on an empty database (its own, dropped and recreated
 * here with the README's CREATE DATABASE line), the app runs an item through it, and a second start of the
 * app on the same database applies no changeset.
 */
@RequiresMariaDb
class MariaDbSchemaTest {

  static final String DATABASE = "proposals_schema_test";
  static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

  @Test
  void theChangelogBuildsAnEmptyDatabaseAndASecondStartAppliesNothing() throws Exception {
    try (Connection connection = MariaDb.connect(MariaDb.url()); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + DATABASE);
      statement.execute("create database " + DATABASE + " character set utf8mb4 collate utf8mb4_bin");
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

      ItemDriver driver = new ItemDriver(app.getBean(ProcessEngine.class));
      ProcessInstance instance = driver.replied("E1");
      driver.feedback(instance, "SATISFIED", "答复具体，满意。");
      itemId = instance.getBusinessKey();
      assertThat(app.getBean(ItemRepository.class).get(itemId).status()).isEqualTo(ItemStatus.CLOSED);
    }

    try (ConfigurableApplicationContext app = start(url)) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(changeSets(jdbc)).as("changesets after the second start").isEqualTo(applied);
      try (Connection connection = app.getBean(DataSource.class).getConnection()) {
        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(),
            DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
        assertThat(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())).as("pending changesets").isEmpty();
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
        .run("--spring.datasource.url=" + url, "--server.port=0");
  }
}
