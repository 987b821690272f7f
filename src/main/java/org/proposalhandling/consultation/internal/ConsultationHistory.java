package org.proposalhandling.consultation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.TextLength;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to a consultation, in order: its page's timeline. */
@Repository
class ConsultationHistory {

  enum Kind {
    STARTED("发起征求意见"),
    ROUND_STARTED("再次征求部门意见"),
    UNIT_COMMENTED("单位反馈意见"),
    UNIT_NO_COMMENT("单位无意见"),
    REMINDED("催告反馈"),
    ROUND_CLOSED("本轮征求结束"),
    COMMENT_HANDLED("意见处理"),
    REVISED("修改草案"),
    COMMENTS_HANDLED("意见处理完毕"),
    PUBLIC_OPENED("公开征求意见"),
    PUBLIC_COMMENT("收到公众意见"),
    MODERATED("审核公众意见"),
    PUBLIC_CLOSED("公开征求意见结束"),
    EXPLANATION("起草说明"),
    SIGN_OFF_REQUESTED("请负责人签发"),
    SIGNED("签发"),
    RETURNED("退回修改");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  record Entry(Instant at, Kind kind, String userId, String summary) {
  }

  private final JdbcClient jdbc;

  ConsultationHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String consultationId, Kind kind, String userId, String summary) {
    jdbc.sql("insert into consultation_event (consultation_id, at, kind, user_id, summary) values (?, ?, ?, ?, ?)")
        .params(consultationId, Timestamp.from(EngineClock.now()), kind.name(), userId,
            summary == null ? null : TextLength.abbreviateToUnits(summary, 4000))
        .update();
  }

  List<Entry> of(String consultationId) {
    return jdbc.sql("select * from consultation_event where consultation_id = ? order by id").param(consultationId)
        .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), Kind.valueOf(rs.getString("kind")),
            rs.getString("user_id"), rs.getString("summary")))
        .list();
  }
}
