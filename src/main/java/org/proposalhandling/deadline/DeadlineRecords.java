package org.proposalhandling.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the deadlines leave behind: reminders given, supervision done, requests for extension or reassignment. */
@Repository
class DeadlineRecords {

  enum RequestType { EXTENSION, REASSIGNMENT }

  /** A unit's request and, once decided, the assigning office's decision (approved null while open). */
  record Request(long id, String itemId, RequestType type, String unitId, String reason, LocalDate currentDue,
                 LocalDate requestedDue, String requestedBy, Instant requestedAt, Boolean approved,
                 LocalDate grantedDue, String decisionComment, String decidedBy) {
  }

  private final JdbcClient jdbc;

  DeadlineRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that a reminder of this kind was given for this due date; false when it already was, so that
   * the same reminder is never mailed twice for the same deadline.
   */
  boolean remember(String itemId, String kind, LocalDate dueDate, Instant at) {
    int known = jdbc.sql("select count(*) from reminder where item_id = ? and kind = ? and due_date = ?")
        .params(itemId, kind, dueDate).query(Integer.class).single();
    if (known > 0) {
      return false;
    }
    jdbc.sql("insert into reminder (item_id, kind, due_date, sent_at) values (?, ?, ?, ?)")
        .params(itemId, kind, dueDate, Timestamp.from(at)).update();
    return true;
  }

  List<String> opinionsGiven(String itemId, int round) {
    return jdbc.sql("select unit_id from co_handling_opinion where item_id = ? and round = ?")
        .params(itemId, round).query(String.class).list();
  }

  void saveSupervision(String itemId, LocalDate replyDue, String means, String note, String recordedBy, Instant at) {
    jdbc.sql("""
            insert into supervision (item_id, reply_due, means, note, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(itemId, replyDue, means, note, recordedBy, Timestamp.from(at)).update();
  }

  void addRequest(String itemId, RequestType type, String unitId, String reason, LocalDate currentDue,
                  LocalDate requestedDue, String requestedBy, Instant at) {
    jdbc.sql("""
            insert into deadline_request (item_id, type, unit_id, reason, current_due, requested_due, requested_by, requested_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(itemId, type.name(), unitId, reason, currentDue, requestedDue, requestedBy, Timestamp.from(at)).update();
  }

  /** The request of this type that waits for the office's decision, if any. */
  Optional<Request> openRequest(String itemId, RequestType type) {
    return jdbc.sql("select * from deadline_request where item_id = ? and type = ? and decided_at is null order by id desc")
        .params(itemId, type.name()).query(DeadlineRecords::map).stream().findFirst();
  }

  /** The request of this type the office decided last: the one whose decision the process's next step mails. */
  Request lastDecided(String itemId, RequestType type) {
    return jdbc.sql("select * from deadline_request where item_id = ? and type = ? and decided_at is not null order by id desc")
        .params(itemId, type.name()).query(DeadlineRecords::map).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No decided " + type + " request for item " + itemId));
  }

  List<Request> requests(String itemId) {
    return jdbc.sql("select * from deadline_request where item_id = ? order by id").param(itemId).query(DeadlineRecords::map).list();
  }

  void decide(long requestId, boolean approved, LocalDate grantedDue, String comment, String decidedBy, Instant at) {
    jdbc.sql("""
            update deadline_request set approved = ?, granted_due = ?, decision_comment = ?, decided_by = ?, decided_at = ?
            where id = ?""")
        .params(approved, grantedDue, comment, decidedBy, Timestamp.from(at), requestId).update();
  }

  private static Request map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Object approved = rs.getObject("approved");
    return new Request(rs.getLong("id"), rs.getString("item_id"), RequestType.valueOf(rs.getString("type")),
        rs.getString("unit_id"), rs.getString("reason"), rs.getObject("current_due", LocalDate.class),
        rs.getObject("requested_due", LocalDate.class), rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(), approved == null ? null : rs.getBoolean("approved"),
        rs.getObject("granted_due", LocalDate.class), rs.getString("decision_comment"), rs.getString("decided_by"));
  }
}
