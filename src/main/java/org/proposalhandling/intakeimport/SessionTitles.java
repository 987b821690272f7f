package org.proposalhandling.intakeimport;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.proposalhandling.duplicates.TextSimilarity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The items registered in a session, to compare an import's rows with. Reads the item table directly: the item
 * module offers no query by session yet.
 */
@Component
class SessionTitles {

  record Registered(String id, String sessionName, String number, String title, String fingerprint) {
  }

  /** More than a fingerprint keeps once punctuation is dropped; a whole text of 3,000 characters is not read. */
  private static final int TEXT_READ = 400;

  private final JdbcClient jdbc;

  SessionTitles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The office's items of these sessions, each with its {@link TextSimilarity#fingerprint}. */
  List<Registered> of(String officeId, List<String> sessionNames) {
    if (sessionNames.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select id, session_name, item_number, title, left(content, " + TEXT_READ
            + ") from item where assigning_office_id = :office and session_name in (:sessions)")
        .param("office", officeId).param("sessions", sessionNames)
        .query((rs, n) -> new Registered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            TextSimilarity.fingerprint(rs.getString(4), rs.getString(5)))).list();
  }

  /**
   * The titles of every item registered in these sessions, whatever its office, by {@link ImportStore#key}
   * (session and number must be unique): one query for a whole file instead of one per row.
   */
  Map<String, String> registered(Collection<String> sessionNames) {
    Map<String, String> titles = new HashMap<>();
    if (!sessionNames.isEmpty()) {
      jdbc.sql("select session_name, item_number, title from item where session_name in (:sessions)")
          .param("sessions", List.copyOf(sessionNames))
          .query((rs, n) -> titles.put(ImportStore.key(rs.getString(1), rs.getString(2)), rs.getString(3))).list();
    }
    return titles;
  }
}
