package org.proposalhandling.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The MariaDB (or MySQL) database of the tests tagged "mysql": the one the {@code mysql} profile reads from
 * the environment (DB_URL, or DB_HOST/DB_PORT/DB_NAME; DB_USER, DB_PASSWORD), which {@code .ci/run} sets.
 */
final class MariaDb {

  static final String NOT_CONFIGURED = "No MariaDB/MySQL database configured (set DB_HOST or DB_URL, with DB_USER and "
      + "DB_PASSWORD, as .ci/run does): the tests tagged \"mysql\" are skipped, they run on H2 only.";

  private MariaDb() {
  }

  static boolean configured() {
    return present("DB_URL") || present("DB_HOST");
  }

  private static boolean present(String name) {
    String value = System.getenv(name);
    return value != null && !value.isBlank();
  }

  /** The URL that the mysql profile builds from the environment, with all its parameters. */
  static String url() {
    return mysqlProfile().getRequiredProperty("spring.datasource.url");
  }

  /** The same URL, naming another database on the same server. */
  static String urlOf(String database) {
    String url = url();
    String replaced = url.replaceFirst("^(jdbc:(?:mysql|mariadb)://[^/?]+/)[^?]*", "$1" + database);
    if (replaced.equals(url) && !url.contains("/" + database)) {
      throw new IllegalStateException("Cannot name database " + database + " in " + url);
    }
    return replaced;
  }

  static Connection connect(String url) throws SQLException {
    StandardEnvironment profile = mysqlProfile();
    return DriverManager.getConnection(url, profile.getRequiredProperty("spring.datasource.username"),
        profile.getRequiredProperty("spring.datasource.password"));
  }

  private static StandardEnvironment mysqlProfile() {
    StandardEnvironment environment = new StandardEnvironment();
    try {
      // The profile's file first, then the defaults it refers to (proposals.database.url-parameters).
      for (String file : new String[] {"application-mysql.yaml", "application.yaml"}) {
        new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addLast);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return environment;
  }
}
