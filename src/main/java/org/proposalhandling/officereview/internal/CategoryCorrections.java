package org.proposalhandling.officereview.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The office's corrections of a reply's category, each with the category before and the reason. */
@Repository
class CategoryCorrections {

  private final JdbcClient jdbc;

  CategoryCorrections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(String itemId, int round, String before, String after, String reason, String userId, Instant at) {
    jdbc.sql("""
            insert into category_correction (item_id, round, category_before, category_after, reason, corrected_by, corrected_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(itemId, round, before, after, reason, userId, Timestamp.from(at)).update();
  }
}
