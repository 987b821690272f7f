package org.proposalhandling.item;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of item_co_signer, when the item is registered (co-signers never change after intake); reads an
 * item's co-signers, or those of a page of items in one statement.
 */
@Repository
public class CoSigners {

  private final JdbcClient jdbc;

  CoSigners(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CoSigner> of(String itemId) {
    return ofItems(List.of(itemId)).getOrDefault(itemId, List.of());
  }

  /** The co-signers of these items by item id, each list in its order; an item without any is absent. */
  public Map<String, List<CoSigner>> ofItems(List<String> itemIds) {
    Map<String, List<CoSigner>> byItem = new HashMap<>();
    if (itemIds.isEmpty()) {
      return byItem;
    }
    jdbc.sql("select * from item_co_signer where item_id in (:ids) order by item_id, position")
        .param("ids", itemIds)
        .query((RowCallbackHandler) rs -> byItem.computeIfAbsent(rs.getString("item_id"), id -> new ArrayList<>())
            .add(new CoSigner(rs.getInt("position"), rs.getString("name"), CoSigner.Kind.valueOf(rs.getString("kind")),
                rs.getString("constituency"), rs.getString("email"), rs.getString("mobile"))));
    return byItem;
  }

  void insert(String itemId, List<CoSigner> coSigners) {
    for (CoSigner coSigner : coSigners) {
      jdbc.sql("""
              insert into item_co_signer (item_id, position, name, kind, constituency, email, mobile)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(itemId, coSigner.position(), coSigner.name(), coSigner.kind().name(), coSigner.constituency(),
              coSigner.email(), coSigner.mobile())
          .update();
    }
  }
}
