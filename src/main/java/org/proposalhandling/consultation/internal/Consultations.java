package org.proposalhandling.consultation.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.consultation.internal.Consultation.NextStep;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultedUnit.Answer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consultations, their rounds' units and the versions of their drafts. */
@Repository
class Consultations {

  /** One version of the draft. */
  record Version(int number, String body, String note, String createdBy, Instant createdAt) {
  }

  private final JdbcClient jdbc;

  Consultations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void create(String id, String title, String draftingUnitId, LocalDate commentDue, String body, String user,
              Collection<String> unitIds) {
    Timestamp now = Timestamp.from(EngineClock.now());
    jdbc.sql("""
            insert into consultation (id, title, drafting_unit_id, stage, round_no, comment_due, created_by, created_at)
            values (?, ?, ?, ?, 1, ?, ?, ?)""")
        .params(id, title, draftingUnitId, Stage.COMMENTING.name(), Date.valueOf(commentDue), user, now).update();
    addVersion(id, body, "征求意见稿", user);
    addUnits(id, 1, unitIds);
  }

  Optional<Consultation> find(String id) {
    return jdbc.sql("select * from consultation where id = ?").param(id).query(Consultations::map).optional();
  }

  Consultation get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No consultation " + id));
  }

  /** The consultations a set of units drafts or is consulted on, newest first. */
  List<Consultation> involving(Collection<String> unitIds) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select * from consultation c where c.drafting_unit_id in (:units)
              or exists (select 1 from consultation_unit u where u.consultation_id = c.id and u.unit_id in (:units))
            order by c.created_at desc""")
        .param("units", unitIds).query(Consultations::map).list();
  }

  /** The consultations whose public round is or was open, for the public list. */
  List<Consultation> openedToPublic() {
    return jdbc.sql("select * from consultation where public_opens is not null order by public_opens desc")
        .query(Consultations::map).list();
  }

  void setStage(String id, Stage stage) {
    jdbc.sql("update consultation set stage = ? where id = ?").params(stage.name(), id).update();
  }

  void setNextStep(String id, NextStep step, LocalDate publicCloses) {
    jdbc.sql("update consultation set next_step = ?, public_closes = ? where id = ?")
        .params(step.name(), publicCloses == null ? null : Date.valueOf(publicCloses), id).update();
  }

  void openPublicRound(String id, LocalDate opens) {
    jdbc.sql("update consultation set stage = ?, public_opens = ? where id = ?")
        .params(Stage.PUBLIC.name(), Date.valueOf(opens), id).update();
  }

  /** A new round of comments from units, on the latest version, with its own deadline. */
  void startRound(String id, int round, LocalDate commentDue, Collection<String> unitIds) {
    jdbc.sql("update consultation set round_no = ?, comment_due = ?, stage = ?, next_step = null where id = ?")
        .params(round, Date.valueOf(commentDue), Stage.COMMENTING.name(), id).update();
    addUnits(id, round, unitIds);
  }

  /** The deadline of the round to come, set when the drafter asks the units again. */
  void setCommentDue(String id, LocalDate due) {
    jdbc.sql("update consultation set comment_due = ? where id = ?").params(Date.valueOf(due), id).update();
  }

  void setExplanation(String id, String explanation) {
    jdbc.sql("update consultation set explanation = ? where id = ?").params(explanation, id).update();
  }

  void markSigned(String id, String user) {
    jdbc.sql("update consultation set stage = ?, signed_by = ?, signed_at = ? where id = ?")
        .params(Stage.SIGNED.name(), user, Timestamp.from(EngineClock.now()), id).update();
  }

  List<ConsultedUnit> units(String id, int round) {
    return jdbc.sql("select * from consultation_unit where consultation_id = ? and round_no = ? order by unit_id")
        .params(id, round).query(Consultations::consultedUnit).list();
  }

  List<ConsultedUnit> allUnits(String id) {
    return jdbc.sql("select * from consultation_unit where consultation_id = ? order by round_no, unit_id").param(id)
        .query(Consultations::consultedUnit).list();
  }

  /**
   * Records a unit's answer, once: each unit writes its own row, so units answering at the same moment never
   * touch each other's. Returns false when the unit had answered already or was not asked.
   */
  boolean answer(String id, int round, String unitId, Answer answer, String user) {
    return jdbc.sql("""
            update consultation_unit set state = ?, answered_by = ?, answered_at = ?
            where consultation_id = ? and round_no = ? and unit_id = ? and state = 'PENDING'""")
        .params(answer.name(), user, Timestamp.from(EngineClock.now()), id, round, unitId).update() == 1;
  }

  /** The units that had not answered when the round closed; they are recorded as having missed it. */
  List<String> closeRound(String id, int round) {
    List<String> missed = jdbc.sql("select unit_id from consultation_unit where consultation_id = ? and round_no = ? and state = 'PENDING' order by unit_id")
        .params(id, round).query(String.class).list();
    jdbc.sql("update consultation_unit set state = 'MISSED' where consultation_id = ? and round_no = ? and state = 'PENDING'")
        .params(id, round).update();
    return missed;
  }

  List<Version> versions(String id) {
    return jdbc.sql("select * from consultation_version where consultation_id = ? order by version_no").param(id)
        .query(Consultations::version).list();
  }

  Version latestVersion(String id) {
    return jdbc.sql("""
            select * from consultation_version where consultation_id = ?
              and version_no = (select max(version_no) from consultation_version where consultation_id = ?)""")
        .params(id, id).query(Consultations::version).single();
  }

  int addVersion(String id, String body, String note, String user) {
    int number = jdbc.sql("select coalesce(max(version_no), 0) + 1 from consultation_version where consultation_id = ?")
        .param(id).query(Integer.class).single();
    jdbc.sql("""
            insert into consultation_version (consultation_id, version_no, body, note, created_by, created_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(id, number, body, note, user, Timestamp.from(EngineClock.now())).update();
    return number;
  }

  private void addUnits(String id, int round, Collection<String> unitIds) {
    for (String unitId : unitIds) {
      jdbc.sql("insert into consultation_unit (consultation_id, round_no, unit_id, state) values (?, ?, ?, 'PENDING')")
          .params(id, round, unitId).update();
    }
  }

  private static Consultation map(ResultSet rs, int row) throws SQLException {
    return new Consultation(rs.getString("id"), rs.getString("title"), rs.getString("drafting_unit_id"),
        Stage.valueOf(rs.getString("stage")), rs.getInt("round_no"), rs.getDate("comment_due").toLocalDate(),
        rs.getString("next_step") == null ? null : NextStep.valueOf(rs.getString("next_step")),
        date(rs.getDate("public_opens")), date(rs.getDate("public_closes")), rs.getString("explanation"),
        rs.getString("signed_by"), instant(rs.getTimestamp("signed_at")), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static ConsultedUnit consultedUnit(ResultSet rs, int row) throws SQLException {
    return new ConsultedUnit(rs.getString("unit_id"), rs.getInt("round_no"), Answer.valueOf(rs.getString("state")),
        rs.getString("answered_by"), instant(rs.getTimestamp("answered_at")));
  }

  private static Version version(ResultSet rs, int row) throws SQLException {
    return new Version(rs.getInt("version_no"), rs.getString("body"), rs.getString("note"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
