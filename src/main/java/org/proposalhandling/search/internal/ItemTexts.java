package org.proposalhandling.search.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.proposalhandling.item.ItemStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the index holds of items, read from the database a batch at a time: four statements per batch, whatever
 * its size (package-info says which tables and why).
 */
@Repository
class ItemTexts {

  /** Before assignment, and after an approved reassignment until the next one, no unit holds the item. */
  private static final Set<ItemStatus> UNASSIGNED = Set.of(ItemStatus.REGISTERED, ItemStatus.REJECTED, ItemStatus.ACCEPTED);

  /** An item as the index sees it; readers are the unit ids whose users read it, as the ledger decides. */
  record ItemText(String id, String number, String session, String title, String content, List<String> proposers,
                  Set<String> readers, List<ReplyText> replies) {

    boolean answered() {
      return replies.stream().anyMatch(ReplyText::delivered);
    }
  }

  /** One round's reply; publicationId set once it is published. */
  record ReplyText(int round, String body, boolean delivered, String publicationId, String publicationTitle) {
  }

  private final JdbcClient jdbc;

  ItemTexts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<String> allIds() {
    return jdbc.sql("select id from item order by id").query(String.class).list();
  }

  /** The items of these ids that exist (a deleted one is simply not there). */
  List<ItemText> of(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> coUnits = new HashMap<>();
    jdbc.sql("select item_id, unit_id from item_co_unit where item_id in (:ids)").param("ids", ids)
        .query((RowCallbackHandler) rs -> coUnits.computeIfAbsent(rs.getString("item_id"), id -> new ArrayList<>())
            .add(rs.getString("unit_id")));
    Map<String, List<String>> coSigners = new HashMap<>();
    jdbc.sql("select item_id, name from item_co_signer where item_id in (:ids) order by item_id, position").param("ids", ids)
        .query((RowCallbackHandler) rs -> coSigners.computeIfAbsent(rs.getString("item_id"), id -> new ArrayList<>())
            .add(rs.getString("name")));
    Map<String, Map<Integer, String[]>> published = new HashMap<>();
    jdbc.sql("select id, item_id, round, title from publication where item_id in (:ids)").param("ids", ids)
        .query((RowCallbackHandler) rs -> published.computeIfAbsent(rs.getString("item_id"), id -> new HashMap<>())
            .put(rs.getInt("round"), new String[] {rs.getString("id"), rs.getString("title")}));
    Map<String, List<ReplyText>> replies = new HashMap<>();
    jdbc.sql("select item_id, round, body, delivered_at from reply where item_id in (:ids) order by round")
        .param("ids", ids).query((RowCallbackHandler) rs -> {
          String[] publication = published.getOrDefault(rs.getString("item_id"), Map.of()).get(rs.getInt("round"));
          replies.computeIfAbsent(rs.getString("item_id"), id -> new ArrayList<>()).add(new ReplyText(rs.getInt("round"),
              rs.getString("body"), rs.getTimestamp("delivered_at") != null,
              publication == null ? null : publication[0], publication == null ? null : publication[1]));
        });
    return jdbc.sql("""
            select id, item_number, session_name, title, content, proposer_name, assigning_office_id,
              lead_unit_id, status
            from item where id in (:ids)""").param("ids", ids)
        .query((rs, row) -> new ItemText(rs.getString("id"), rs.getString("item_number"), rs.getString("session_name"),
            rs.getString("title"), rs.getString("content"),
            proposers(rs.getString("proposer_name"), coSigners.getOrDefault(rs.getString("id"), List.of())),
            readers(rs, coUnits.getOrDefault(rs.getString("id"), List.of())),
            replies.getOrDefault(rs.getString("id"), List.of())))
        .list();
  }

  /** Every proposer's name: the lead proposer, then the co-signers (item_co_signer) in their order. */
  private static List<String> proposers(String leadProposer, List<String> coSigners) {
    List<String> names = new ArrayList<>();
    names.add(leadProposer);
    names.addAll(coSigners);
    return names;
  }

  /** The ledger's scope rule: the assigning office always, the lead and co-handling units while they hold it. */
  private static Set<String> readers(ResultSet rs, List<String> coUnits) throws SQLException {
    Set<String> readers = new LinkedHashSet<>();
    readers.add(rs.getString("assigning_office_id"));
    if (!UNASSIGNED.contains(ItemStatus.valueOf(rs.getString("status")))) {
      if (rs.getString("lead_unit_id") != null) {
        readers.add(rs.getString("lead_unit_id"));
      }
      readers.addAll(coUnits);
    }
    return readers;
  }
}
