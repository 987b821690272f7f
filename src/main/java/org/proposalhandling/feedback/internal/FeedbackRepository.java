package org.proposalhandling.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.item.Satisfaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FeedbackRepository {

  private final JdbcClient jdbc;

  FeedbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One round's feedback form (征询意见表). */
  public record Feedback(String itemId, int round, Satisfaction satisfaction, String contactRating,
                         String attitudeRating, String comments, String recordedBy, Instant recordedAt) {
  }

  void save(Feedback feedback) {
    jdbc.sql("""
            insert into feedback (item_id, round, satisfaction, contact_rating, attitude_rating, comments, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(feedback.itemId(), feedback.round(), feedback.satisfaction().name(), feedback.contactRating(),
            feedback.attitudeRating(), feedback.comments(), feedback.recordedBy(), Timestamp.from(feedback.recordedAt()))
        .update();
  }

  public Optional<Feedback> find(String itemId, int round) {
    return jdbc.sql("select * from feedback where item_id = ? and round = ?").params(itemId, round)
        .query(FeedbackRepository::feedback).optional();
  }

  /** Every round's feedback on the item, the first round first. */
  public List<Feedback> all(String itemId) {
    return jdbc.sql("select * from feedback where item_id = ? order by round").param(itemId)
        .query(FeedbackRepository::feedback).list();
  }

  private static Feedback feedback(ResultSet rs, int row) throws SQLException {
    return new Feedback(rs.getString("item_id"), rs.getInt("round"), Satisfaction.valueOf(rs.getString("satisfaction")),
        rs.getString("contact_rating"), rs.getString("attitude_rating"), rs.getString("comments"),
        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
  }
}
