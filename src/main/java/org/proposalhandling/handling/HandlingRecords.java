package org.proposalhandling.handling;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happens during handling besides the reply: co-handling opinions, contact records, review notes. */
@Repository
public class HandlingRecords {

  /** Who sent a draft back, or asked for it to be handled again. */
  public enum Stage {
    REVIEW("审核退回"), COUNTERSIGN("会签退回"), SIGN_OFF("签发退回"), OFFICE_REVIEW("督办审核退回"), FEEDBACK("提出人不满意");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  private final JdbcClient jdbc;

  HandlingRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Opinion(String unitName, String opinion) {
  }

  record Contact(LocalDate contactedOn, String means, String summary) {
  }

  record Note(Stage stage, String remark, Instant notedAt) {

    String describe() {
      return "【" + stage.label + "】" + remark;
    }
  }

  void saveOpinion(String itemId, String unitId, int round, String opinion, String author, Instant at) {
    jdbc.sql("delete from co_handling_opinion where item_id = ? and unit_id = ? and round = ?").params(itemId, unitId, round).update();
    jdbc.sql("""
            insert into co_handling_opinion (item_id, unit_id, round, opinion, author, submitted_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(itemId, unitId, round, opinion, author, Timestamp.from(at)).update();
  }

  List<Opinion> opinions(String itemId) {
    return jdbc.sql("""
            select u.name as unit_name, o.opinion from co_handling_opinion o join unit u on u.id = o.unit_id
            where o.item_id = ? order by o.submitted_at""")
        .param(itemId).query(Opinion.class).list();
  }

  /** The unit's own opinion on the item, from its co-handling step. */
  Optional<String> opinionOf(String itemId, String unitId) {
    return jdbc.sql("select opinion from co_handling_opinion where item_id = ? and unit_id = ? order by round desc")
        .params(itemId, unitId).query(String.class).list().stream().findFirst();
  }

  void saveContact(String itemId, int round, Contact contact, String recordedBy, Instant at) {
    jdbc.sql("delete from contact_record where item_id = ? and round = ?").params(itemId, round).update();
    jdbc.sql("""
            insert into contact_record (item_id, round, contacted_on, means, summary, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(itemId, round, contact.contactedOn(), contact.means(), contact.summary(), recordedBy, Timestamp.from(at))
        .update();
  }

  Optional<Contact> contact(String itemId, int round) {
    return jdbc.sql("select contacted_on, means, summary from contact_record where item_id = ? and round = ?")
        .params(itemId, round).query(Contact.class).optional();
  }

  /** The proposer's comments on an unsatisfying reply, for the drafter of the next round. */
  public void noteProposerComments(String itemId, int nextRound, String comments, Instant at) {
    saveNote(itemId, nextRound, Stage.FEEDBACK, false, comments == null ? "（未填写意见）" : comments, null, at);
  }

  void saveNote(String itemId, int round, Stage stage, boolean approved, String remark, String author, Instant at) {
    jdbc.sql("""
            insert into review_note (item_id, round, stage, approved, remark, author, noted_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(itemId, round, stage.name(), approved, remark, author, Timestamp.from(at)).update();
  }

  List<Note> returns(String itemId, int round) {
    return jdbc.sql("""
            select stage, remark, noted_at from review_note
            where item_id = ? and round = ? and approved = false order by noted_at desc, id desc""")
        .params(itemId, round).query(Note.class).list();
  }
}
