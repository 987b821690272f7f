package org.proposalhandling.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import liquibase.integration.spring.SpringLiquibase;
import org.proposalhandling.database.EmbeddedMariaDb;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Each test context (with {@code proposals.test-database=fresh}, as application-test.yaml sets) gets a new
 * database on one embedded MariaDB server of the test JVM's: the production dialect, without a server's start
 * per context. The server runs without flushing at each commit (the tests need no durability; the crash test
 * runs the app in a JVM of its own on the default settings) and is removed after the JVM's contexts closed.
 *
 * <p>The schema is built once by the app's Liquibase changelog in a template database and copied into each
 * new database, table by table as the server shows them (columns, keys, foreign keys, character sets) with
 * the rows Liquibase wrote: the app's Liquibase then finds every changeset applied. Building it in each
 * context took 20 s of each context's start (the engine's scripts add their indexes one statement each).
 */
public final class TestDatabases implements EnvironmentPostProcessor, Ordered {

  /** Options of the tests' server: commits not flushed to disk, less disk written. */
  private static final List<String> FAST = List.of("--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0",
      "--innodb-log-file-size=64M", "--innodb-buffer-pool-size=256M");

  private static final String TEMPLATE = "template";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedMariaDb server;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!"fresh".equals(environment.getProperty("proposals.test-database"))) {
      return;
    }
    String parameters = environment.getProperty("proposals.database.url-parameters", "");
    EmbeddedMariaDb shared = server(parameters);
    String database = "test_" + DATABASES.incrementAndGet();
    copyTemplate(shared, database, parameters);
    environment.getPropertySources().addFirst(new MapPropertySource("testDatabase", Map.of(
        "spring.datasource.url", shared.jdbcUrl(database, parameters),
        "spring.datasource.username", shared.user(),
        "spring.datasource.password", shared.password(),
        "proposals.database.embedded.enabled", "false")));
  }

  /** The test JVM's server under target/ (its binaries shared by every run until mvn clean), with the template. */
  private static synchronized EmbeddedMariaDb server(String parameters) {
    if (server == null) {
      Path directory = Path.of("target", "test-databases", String.valueOf(ProcessHandle.current().pid()));
      FileSystemUtils.deleteRecursively(directory.toFile());
      EmbeddedMariaDb started = EmbeddedMariaDb.start(directory, Path.of("target"), 0, FAST);
      // After Spring Boot has closed every context of the JVM: a context closing on a stopped server waits
      // for connections that never come.
      SpringApplication.getShutdownHandlers().add(() -> {
        started.close();
        FileSystemUtils.deleteRecursively(directory.toFile());
      });
      started.createDatabase(TEMPLATE);
      migrate(started, parameters);
      server = started;
    }
    return server;
  }

  private static void migrate(EmbeddedMariaDb server, String parameters) {
    try (Connection connection = connect(server, TEMPLATE, parameters)) {
      SpringLiquibase liquibase = new SpringLiquibase();
      liquibase.setDataSource(new SingleConnectionDataSource(connection, true));
      liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
      liquibase.setResourceLoader(new DefaultResourceLoader());
      liquibase.afterPropertiesSet();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot build the tests' template database", e);
    }
  }

  private static void copyTemplate(EmbeddedMariaDb server, String database, String parameters) {
    server.createDatabase(database);
    try (Connection connection = connect(server, database, parameters); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables where table_schema = '"
          + TEMPLATE + "' and table_type = 'BASE TABLE'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      statement.execute("set foreign_key_checks = 0");
      for (String table : tables) {
        try (ResultSet definition = statement.executeQuery("show create table `" + TEMPLATE + "`.`" + table + "`")) {
          definition.next();
          statement.execute(definition.getString(2));
        }
        statement.execute("insert into `" + table + "` select * from `" + TEMPLATE + "`.`" + table + "`");
      }
      statement.execute("set foreign_key_checks = 1");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot copy the tests' template database into " + database, e);
    }
  }

  private static Connection connect(EmbeddedMariaDb server, String database, String parameters) throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(database, parameters), server.user(), server.password());
  }

  /** After Spring Boot's config data (application-test.yaml), so that its property is read. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
