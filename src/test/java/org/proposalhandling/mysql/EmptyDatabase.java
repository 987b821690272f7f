package org.proposalhandling.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Drops every table of the configured database before the context starts, so that Liquibase builds the
 * schema from nothing and the tests find no items of an earlier run. The database itself stays, with the
 * character set it was created with (the README's CREATE DATABASE line).
 */
class EmptyDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger LOG = LoggerFactory.getLogger(EmptyDatabase.class);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var environment = context.getEnvironment();
    String url = environment.getRequiredProperty("spring.datasource.url");
    try (Connection connection = java.sql.DriverManager.getConnection(url,
        environment.getRequiredProperty("spring.datasource.username"),
        environment.getRequiredProperty("spring.datasource.password"));
         Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rs = statement.executeQuery(
          "select table_name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      statement.execute("set foreign_key_checks = 0");
      for (String table : tables) {
        statement.execute("drop table `" + table + "`");
      }
      statement.execute("set foreign_key_checks = 1");
      LOG.info("Dropped {} tables of {}", tables.size(), connection.getCatalog());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot empty the test database " + url, e);
    }
  }
}
