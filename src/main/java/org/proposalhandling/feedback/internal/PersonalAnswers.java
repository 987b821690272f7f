package org.proposalhandling.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.proposalhandling.item.Satisfaction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of feedback_answer: each person's answer to a round's reply, the lead proposer as person
 * {@value #LEAD}, a co-signer by his position. One row per person and round, whoever writes first; only a
 * 未反馈 recorded when the item's result was taken gives way to the person's own later answer.
 */
@Repository
public class PersonalAnswers {

  public static final int LEAD = 0;

  private final JdbcClient jdbc;

  PersonalAnswers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One person's answer to one round. */
  public record Answer(String itemId, int round, int person, Satisfaction satisfaction, String comments, Instant recordedAt) {
  }

  /** Stores the answer; false when the person had already answered this round. */
  public boolean record(Answer answer) {
    try {
      jdbc.sql("""
              insert into feedback_answer (item_id, round, person, satisfaction, comments, answered_at)
              values (?, ?, ?, ?, ?, ?)""")
          .params(answer.itemId(), answer.round(), answer.person(), answer.satisfaction().name(), answer.comments(),
              Timestamp.from(answer.recordedAt()))
          .update();
      return true;
    } catch (DuplicateKeyException recordedBefore) {
      return jdbc.sql("""
              update feedback_answer set satisfaction = ?, comments = ?, answered_at = ?
              where item_id = ? and round = ? and person = ? and satisfaction = ?""")
          .params(answer.satisfaction().name(), answer.comments(), Timestamp.from(answer.recordedAt()), answer.itemId(),
              answer.round(), answer.person(), Satisfaction.NO_RESPONSE.name())
          .update() == 1;
    }
  }

  /** Records 未反馈 for each of these persons who has no answer to the round yet. */
  void recordNoResponse(String itemId, int round, List<Integer> persons, Instant at) {
    for (int person : persons) {
      try {
        jdbc.sql("""
                insert into feedback_answer (item_id, round, person, satisfaction, answered_at)
                values (?, ?, ?, ?, ?)""")
            .params(itemId, round, person, Satisfaction.NO_RESPONSE.name(), Timestamp.from(at))
            .update();
      } catch (DuplicateKeyException answered) {
        // The person's own answer came first: it stands.
      }
    }
  }

  /** The round's answers, the lead proposer first. */
  public List<Answer> of(String itemId, int round) {
    return jdbc.sql("select * from feedback_answer where item_id = ? and round = ? order by person")
        .params(itemId, round)
        .query((rs, row) -> new Answer(rs.getString("item_id"), rs.getInt("round"), rs.getInt("person"),
            Satisfaction.valueOf(rs.getString("satisfaction")), rs.getString("comments"),
            rs.getTimestamp("answered_at").toInstant()))
        .list();
  }
}
