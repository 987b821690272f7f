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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The benchmark's databases, emptied before a run: H2 files under target/bench (opened as the app's default,
 * WRITE_DELAY=0), or MariaDB databases proposals_bench_* on the server that /work/mariadb.env's DB_HOST etc. name
 * (the user needs the right to create them). Their size: H2's DISK_SPACE_USED of every table, or MariaDB's data
 * and index length.
 */
record BenchDatabase(boolean mariaDb, String host, String port, String user, String password) {

  static final Path H2_DIRECTORY = Path.of("target/bench/db");

  static BenchDatabase of(String kind) {
    if (kind.equals("h2")) {
      return new BenchDatabase(false, null, null, "sa", "");
    }
    if (!kind.equals("mariadb")) {
      throw new IllegalArgumentException("bench.db is h2 or mariadb, not " + kind);
    }
    String host = System.getenv("DB_HOST");
    if (host == null || host.isBlank()) {
      throw new IllegalStateException("bench.db=mariadb needs DB_HOST, DB_PORT, DB_USER, DB_PASSWORD (. /work/mariadb.env)");
    }
    return new BenchDatabase(true, host, System.getenv().getOrDefault("DB_PORT", "3306"), System.getenv("DB_USER"),
        System.getenv("DB_PASSWORD"));
  }

  String url(String name) {
    if (!mariaDb) {
      return "jdbc:h2:file:./" + H2_DIRECTORY.resolve(name) + ";WRITE_DELAY=0;TRACE_LEVEL_FILE=0";
    }
    return "jdbc:mysql://" + host + ":" + port + "/" + schema(name) + "?sendFractionalSeconds=false&characterEncoding=UTF-8"
        + "&connectionCollation=utf8mb4_bin&sessionVariables=old_mode=%27%27"
        // The bare engine checks for its tables through the driver's metadata, which otherwise searches every
        // database of the server, finds the app's ACT_ tables and creates none of its own.
        + "&nullCatalogMeansCurrent=true";
  }

  void reset(String name) {
    if (!mariaDb) {
      try (Stream<Path> files = Files.exists(H2_DIRECTORY) ? Files.list(H2_DIRECTORY) : Stream.empty()) {
        for (Path file : files.filter(file -> file.getFileName().toString().startsWith(name + ".")).toList()) {
          Files.delete(file);
        }
        Files.createDirectories(H2_DIRECTORY);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (Connection connection = server(); Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + schema(name));
      statement.execute("create database " + schema(name) + " character set utf8mb4 collate utf8mb4_bin");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The database's bytes: the sum of {@link #tableBytes}. */
  long bytes(String name) {
    return tableBytes(name).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Each table's bytes, by its name in upper case. */
  Map<String, Long> tableBytes(String name) {
    // On H2 the tables' own space, not the file's size: H2 appends changed pages and reclaims the old ones only
    // later, so its file grew to 2.3 GB for 200 items whose rows take a few MB (21 GB at 15,000).
    String query = mariaDb
        ? "select table_name, data_length + index_length from information_schema.tables where table_schema = '" + schema(name) + "'"
        : "select table_name, disk_space_used('\"' || table_schema || '\".\"' || table_name || '\"') from information_schema.tables"
            + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'";
    try (Connection connection = mariaDb ? server() : DriverManager.getConnection(url(name), user, password);
         Statement statement = connection.createStatement()) {
      if (mariaDb) {
        statement.execute("analyze table " + tables(connection, name));
      }
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
