package org.proposalhandling.item;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.directory.NoticeChannels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads items for everyone; its writes are for {@link ItemLifecycle} alone, hence package-private. */
@Repository
public class ItemRepository {

  private final JdbcClient jdbc;
  private final CoSigners coSigners;

  ItemRepository(JdbcClient jdbc, CoSigners coSigners) {
    this.jdbc = jdbc;
    this.coSigners = coSigners;
  }

  public Optional<Item> find(String id) {
    return jdbc.sql("select * from item where id = ?").param(id).query(ItemRepository::map).optional().map(this::withCoSigners);
  }

  public Item get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No item " + id));
  }

  public Optional<Item> findBySessionAndNumber(String sessionName, String number) {
    return jdbc.sql("select * from item where session_name = ? and item_number = ?")
        .params(sessionName, number).query(ItemRepository::map).optional().map(this::withCoSigners);
  }

  public List<String> coHandlingUnitIds(String id) {
    return jdbc.sql("select unit_id from item_co_unit where item_id = ? order by unit_id").param(id).query(String.class).list();
  }

  private Item withCoSigners(Item item) {
    return item.withCoSigners(coSigners.of(item.id()));
  }

  void insert(Item item) {
    jdbc.sql("""
            insert into item (id, assigning_office_id, session_name, item_number, kind, title, content, proposer_name,
              proposer_email, proposer_phone, publication_consent, filed_on, proposed_lead_unit_id, status,
              key_item, handling_round, created_at, process_instance_id, status_changed_at, proposer_notice)
            values (:id, :office, :session, :number, :kind, :title, :content, :proposer, :email, :phone,
              :consent, :filedOn, :proposedLead, :status, false, 1, :createdAt, :processInstance, :createdAt, :notice)""")
        .param("id", item.id())
        .param("office", item.assigningOfficeId())
        .param("session", item.sessionName())
        .param("number", item.number())
        .param("kind", item.kind().name())
        .param("title", item.title())
        .param("content", item.content())
        .param("proposer", item.proposerName())
        .param("email", item.proposerEmail())
        .param("phone", item.proposerPhone())
        .param("consent", item.publicationConsent())
        .param("filedOn", item.filedOn())
        .param("proposedLead", item.proposedLeadUnitId())
        .param("status", item.status().name())
        .param("createdAt", Timestamp.from(item.createdAt()))
        .param("processInstance", item.processInstanceId())
        .param("notice", item.proposerNotice() == null ? null : item.proposerNotice().name())
        .update();
    coSigners.insert(item.id(), item.coSigners());
  }

  /**
   * Moves the item from one stage to the next; false when it was no longer in the stage the caller read, so
   * that two transitions at once never both apply.
   */
  boolean moveStatus(String id, ItemStatus from, ItemStatus to, Instant at) {
    return jdbc.sql("update item set status = ?, status_changed_at = ? where id = ? and status = ?")
        .params(to.name(), Timestamp.from(at), id, from.name()).update() == 1;
  }

  void setRejectionReason(String id, String reason) {
    jdbc.sql("update item set rejection_reason = ? where id = ?").params(reason, id).update();
  }

  void assign(String id, Assignment assignment) {
    jdbc.sql("""
            update item set lead_unit_id = :lead, key_item = :key, assigned_on = :assignedOn,
              reply_due = :replyDue, co_handling_due = :coDue where id = :id""")
        .param("lead", assignment.leadUnitId())
        .param("key", assignment.keyItem())
        .param("assignedOn", assignment.assignedOn())
        .param("replyDue", assignment.replyDue())
        .param("coDue", assignment.coHandlingDue())
        .param("id", id)
        .update();
    jdbc.sql("delete from item_co_unit where item_id = ?").param(id).update();
    for (String unitId : assignment.coHandlingUnitIds()) {
      jdbc.sql("insert into item_co_unit (item_id, unit_id) values (?, ?)").params(id, unitId).update();
    }
  }

  void setReplyDue(String id, LocalDate replyDue) {
    jdbc.sql("update item set reply_due = ? where id = ?").params(replyDue, id).update();
  }

  void setSatisfaction(String id, Satisfaction satisfaction) {
    jdbc.sql("update item set satisfaction = ? where id = ?").params(satisfaction.name(), id).update();
  }

  void startRound(String id, LocalDate replyDue) {
    jdbc.sql("update item set handling_round = handling_round + 1, reply_due = ?, co_handling_due = null where id = ?")
        .params(replyDue, id).update();
  }

  private static Item map(ResultSet rs, int row) throws SQLException {
    String satisfaction = rs.getString("satisfaction");
    String notice = rs.getString("proposer_notice");
    return new Item(
        rs.getString("id"),
        rs.getString("assigning_office_id"),
        rs.getString("session_name"),
        rs.getString("item_number"),
        ItemKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("content"),
        rs.getString("proposer_name"),
        List.of(),
        rs.getString("proposer_email"),
        rs.getString("proposer_phone"),
        rs.getBoolean("publication_consent"),
        rs.getObject("filed_on", LocalDate.class),
        rs.getString("proposed_lead_unit_id"),
        ItemStatus.valueOf(rs.getString("status")),
        rs.getString("rejection_reason"),
        rs.getString("lead_unit_id"),
        rs.getBoolean("key_item"),
        rs.getObject("assigned_on", LocalDate.class),
        rs.getObject("reply_due", LocalDate.class),
        rs.getObject("co_handling_due", LocalDate.class),
        rs.getInt("handling_round"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("process_instance_id"),
        satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
        notice == null ? null : NoticeChannels.valueOf(notice));
  }

  /** What the assigning office decided at assignment, with the deadlines that follow from it. */
  public record Assignment(String leadUnitId, List<String> coHandlingUnitIds, boolean keyItem,
                           LocalDate assignedOn, LocalDate replyDue, LocalDate coHandlingDue) {
  }
}
