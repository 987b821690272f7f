package org.proposalhandling.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.support.ModelLayer;

/** An H2 file written as the app writes it (WRITE_DELAY=0, a commit each) is compacted once it has grown, and stays near its data's size. */
@ModelLayer
class H2FileCompactionTest {

  static final int ROWS = 500;
  static final int COMMITS = 6_000;

  @TempDir Path directory;

  @Test
  void compactingShrinksTheFileAndKeepsItSmallAsCommitsGoOn() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0");
    Path file = directory.resolve("db.mv.db");
    H2FileCompaction compaction = new H2FileCompaction(dataSource, Duration.ofMinutes(5), Duration.ofSeconds(2));
    // Held open, as the app's pool holds it: H2 compacts by itself when the database closes.
    try (Connection open = dataSource.getConnection()) {
      open.createStatement().execute("create table note (id int primary key, text varchar(1000))");
      assertThat(compaction.compactIfGrown()).as("compacted while under %d bytes", H2FileCompaction.AT_LEAST).isFalse();
      commits(open);
      long grown = Files.size(file);

      assertThat(compaction.compactIfGrown()).as("compacted").isTrue();
      long compacted = Files.size(file);
      assertThat(compaction.compactIfGrown()).as("compacted again without growth").isFalse();
      commits(open);
      long after = Files.size(file);

      // 500 rows of about 1 KB: the file grew by far more than that before it was compacted.
      assertThat(grown).as("grown").isGreaterThan(H2FileCompaction.AT_LEAST);
      assertThat(compacted).as("compacted").isLessThan(grown / 4);
      assertThat(after).as("after as many commits again").isLessThan(grown / 4);
      try (ResultSet count = open.createStatement().executeQuery("select count(*), min(text) from note")) {
        count.next();
        assertThat(count.getInt(1)).isEqualTo(ROWS);
        assertThat(count.getString(2)).startsWith("x".repeat(900));
      }
    }
  }

  private static void commits(Connection connection) throws SQLException {
    try (PreparedStatement merge = connection.prepareStatement("merge into note key (id) values (?, ?)")) {
      for (int i = 0; i < COMMITS; i++) {
        merge.setInt(1, i % ROWS);
        merge.setString(2, "x".repeat(900) + i);
        merge.executeUpdate();
      }
    }
  }
}
