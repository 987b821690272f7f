package org.proposalhandling.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.proposalhandling.consultation.internal.Comment.Handling;
import org.proposalhandling.consultation.internal.Comment.Moderation;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The comments on the drafts, with their moderation and handling. */
@Repository
class Comments {

  private final JdbcClient jdbc;

  Comments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String addUnitComment(String consultationId, int round, String unitId, String body) {
    return insert(consultationId, round, Source.UNIT, unitId, null, null, body, null, null);
  }

  /** A public comment, stored at once and held until the drafting unit lets it through. */
  String addPublicComment(String consultationId, int round, String author, String contact, String body, String clientHash) {
    return insert(consultationId, round, Source.PUBLIC, null, author, contact, body, Moderation.PENDING, clientHash);
  }

  List<Comment> of(String consultationId) {
    return jdbc.sql("select * from consultation_comment where consultation_id = ? order by received_at, id")
        .param(consultationId).query(Comments::map).list();
  }

  Optional<Comment> find(String consultationId, String commentId) {
    return jdbc.sql("select * from consultation_comment where consultation_id = ? and id = ?")
        .params(consultationId, commentId).query(Comments::map).optional();
  }

  void handle(String commentId, Handling handling, String reason, String user) {
    jdbc.sql("update consultation_comment set handling = ?, handling_reason = ?, handled_by = ? where id = ?")
        .params(handling.name(), reason, user, commentId).update();
  }

  void moderate(String commentId, Moderation moderation) {
    jdbc.sql("update consultation_comment set moderation = ? where id = ?").params(moderation.name(), commentId).update();
  }

  /** How many public comments came from one client since an instant: what the rate limit counts. */
  int fromClientSince(String clientHash, Instant since) {
    return jdbc.sql("select count(*) from consultation_comment where client_hash = ? and received_at > ?")
        .params(clientHash, Timestamp.from(since)).query(Integer.class).single();
  }

  private String insert(String consultationId, int round, Source source, String unitId, String author, String contact,
                        String body, Moderation moderation, String clientHash) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into consultation_comment (id, consultation_id, round_no, source, unit_id, author, contact, body,
              received_at, moderation, client_hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, consultationId, round, source.name(), unitId, author, contact, body, Timestamp.from(EngineClock.now()),
            moderation == null ? null : moderation.name(), clientHash)
        .update();
    return id;
  }

  private static Comment map(ResultSet rs, int row) throws SQLException {
    return new Comment(rs.getString("id"), rs.getInt("round_no"), Source.valueOf(rs.getString("source")),
        rs.getString("unit_id"), rs.getString("author"), rs.getString("contact"), rs.getString("body"), rs.getTimestamp("received_at").toInstant(),
        rs.getString("moderation") == null ? null : Moderation.valueOf(rs.getString("moderation")),
        rs.getString("handling") == null ? null : Handling.valueOf(rs.getString("handling")), rs.getString("handling_reason"));
  }
}
