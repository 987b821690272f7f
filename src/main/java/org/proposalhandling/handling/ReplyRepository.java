package org.proposalhandling.handling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReplyRepository {

  private final JdbcClient jdbc;

  ReplyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Reply> find(String itemId, int round) {
    return jdbc.sql("select * from reply where item_id = ? and round = ?").params(itemId, round)
        .query((rs, row) -> new Reply(rs.getString("item_id"), rs.getInt("round"), rs.getString("body"),
            rs.getString("category"), rs.getString("disclosure"), rs.getString("handler_name"),
            rs.getString("handler_phone"), rs.getString("document_number"), rs.getString("signed_by"),
            instant(rs.getTimestamp("signed_at")), instant(rs.getTimestamp("delivered_at"))))
        .optional();
  }

  public Reply get(String itemId, int round) {
    return find(itemId, round).orElseThrow(() -> new IllegalStateException("No reply for item " + itemId + " round " + round));
  }

  void saveDraft(String itemId, int round, String body, String category, String disclosure,
                 String handlerName, String handlerPhone) {
    int updated = jdbc.sql("""
            update reply set body = ?, category = ?, disclosure = ?, handler_name = ?, handler_phone = ?
            where item_id = ? and round = ?""")
        .params(body, category, disclosure, handlerName, handlerPhone, itemId, round).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into reply (item_id, round, body, category, disclosure, handler_name, handler_phone)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(itemId, round, body, category, disclosure, handlerName, handlerPhone).update();
    }
  }

  /**
   * The reply of an item of an earlier year (历史导入), signed and delivered on its date, with its 文号: the
   * first round's, written once with the item by {@code ItemLifecycle#registerHistory}'s caller.
   */
  public void insertPast(String itemId, String body, String category, String documentNumber, Instant repliedAt) {
    jdbc.sql("""
            insert into reply (item_id, round, body, category, document_number, signed_at, delivered_at)
            values (?, 1, ?, ?, ?, ?, ?)""")
        .params(itemId, body, category, documentNumber, Timestamp.from(repliedAt), Timestamp.from(repliedAt)).update();
  }

  public void markSigned(String itemId, int round, String userId, Instant at) {
    jdbc.sql("update reply set signed_by = ?, signed_at = ? where item_id = ? and round = ?")
        .params(userId, Timestamp.from(at), itemId, round).update();
  }

  /** The assigning office's correction of the category (督办审核): the letter and the statistics read it. */
  public void correctCategory(String itemId, int round, String category) {
    jdbc.sql("update reply set category = ? where item_id = ? and round = ?").params(category, itemId, round).update();
  }

  public void setDocumentNumber(String itemId, int round, String documentNumber) {
    jdbc.sql("update reply set document_number = ? where item_id = ? and round = ?")
        .params(documentNumber, itemId, round).update();
  }

  public void markDelivered(String itemId, int round, Instant at) {
    jdbc.sql("update reply set delivered_at = ? where item_id = ? and round = ?")
        .params(Timestamp.from(at), itemId, round).update();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
