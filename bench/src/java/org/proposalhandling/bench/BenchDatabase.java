package org.proposalhandling.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.proposalhandling.database.EmbeddedMariaDb;
import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark's databases proposals_bench_*, made anew before a run: on the embedded MariaDB server the app
 * starts by default (bench.db=embedded, its files under target/bench/db, flushed at each commit as the app's
 * are), or on the server that /work/mariadb.env's DB_HOST etc. name (bench.db=mariadb; the user needs the
 * right to create them). Their size: MariaDB's data and index length, and on the embedded server the bytes of
 * the database's folder (its tables' files as they lie on disk).
 */
record BenchDatabase(EmbeddedMariaDb embedded, Runnable stop, String host, String port, String user, String password) {

  static final Path EMBEDDED_DIRECTORY = Path.of("target/bench/db");

  /** @param fresh whether the embedded server starts on no files (else on those the last run left) */
  static BenchDatabase of(String kind, boolean fresh) {
    if (kind.equals("embedded")) {
      if (fresh) {
        FileSystemUtils.deleteRecursively(EMBEDDED_DIRECTORY.toFile());
      }
      return startEmbedded();
    }
    if (!kind.equals("mariadb")) {
      throw new IllegalArgumentException("bench.db is embedded or mariadb, not " + kind);
    }
    String host = System.getenv("DB_HOST");
    if (host == null || host.isBlank()) {
      throw new IllegalStateException("bench.db=mariadb needs DB_HOST, DB_PORT, DB_USER, DB_PASSWORD (. /work/mariadb.env)");
    }
    return new BenchDatabase(null, null, host, System.getenv().getOrDefault("DB_PORT", "3306"), System.getenv("DB_USER"),
        System.getenv("DB_PASSWORD"));
  }

  private static BenchDatabase startEmbedded() {
    EmbeddedMariaDb server = EmbeddedMariaDb.start(EMBEDDED_DIRECTORY, Path.of("target"), 0, List.of());
    Runnable stop = server::close;
    SpringApplication.getShutdownHandlers().add(stop);
    return new BenchDatabase(server, stop, "127.0.0.1", String.valueOf(server.port()), server.user(), server.password());
  }

  /**
   * The embedded server stopped in order and started again on its files, as the app's default does when the
   * app restarts: its buffer pool empty. Another server is not restarted (this database as it is).
   */
  BenchDatabase restarted() {
    if (embedded == null) {
      return this;
    }
    SpringApplication.getShutdownHandlers().remove(stop);
    embedded.close();
    return startEmbedded();
  }

  String url(String name) {
    String parameters = "sendFractionalSeconds=false&characterEncoding=UTF-8"
        + "&connectionCollation=utf8mb4_bin&sessionVariables=old_mode=%27%27"
        // The bare engine checks for its tables through the driver's metadata, which otherwise searches every
        // database of the server, finds the app's ACT_ tables and creates none of its own.
        + "&nullCatalogMeansCurrent=true";
    // On the embedded server as the app connects to it by default: without TLS, which MariaDB 11.4 offers and
    // the driver takes up unless told not to (the cost of every statement's bytes, for the app and the baseline).
    return embedded != null ? embedded.jdbcUrl(schema(name), parameters)
        : "jdbc:mysql://" + host + ":" + port + "/" + schema(name) + "?" + parameters;
  }

  void reset(String name) {
    try (Connection connection = server(); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + schema(name));
      statement.execute("create database " + schema(name) + " character set utf8mb4 collate utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bytes of the database's folder on the embedded server (its tables' files), or -1 on another server. */
  long folderBytes(String name) {
    if (embedded == null) {
      return -1;
    }
    try (Stream<Path> files = Files.walk(EMBEDDED_DIRECTORY.resolve("mariadb").resolve(schema(name)))) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The database's bytes: the sum of {@link #tableBytes}. */
  long bytes(String name) {
    return tableBytes(name).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Each table's bytes, by its name in upper case. */
  Map<String, Long> tableBytes(String name) {
    String query = "select table_name, data_length + index_length from information_schema.tables where table_schema = '"
        + schema(name) + "'";
    try (Connection connection = server(); Statement statement = connection.createStatement()) {
      statement.execute("analyze table " + tables(connection, name));
      Map<String, Long> bytes = new TreeMap<>();
      try (ResultSet rows = statement.executeQuery(query)) {
        while (rows.next()) {
          bytes.put(rows.getString(1).toUpperCase(Locale.ROOT), rows.getLong(2));
        }
      }
      return bytes;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private String tables(Connection connection, String name) throws SQLException {
    StringBuilder list = new StringBuilder();
    try (Statement statement = connection.createStatement(); ResultSet tables = statement.executeQuery(
        "select table_name from information_schema.tables where table_schema = '" + schema(name) + "'")) {
      while (tables.next()) {
        list.append(list.isEmpty() ? "" : ", ").append(schema(name)).append('.').append(tables.getString(1));
      }
    }
    return list.toString();
  }

  private Connection server() throws SQLException {
    return DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/?sendFractionalSeconds=false", user, password);
  }

  private static String schema(String name) {
    return "proposals_bench_" + name;
  }
}
