package org.proposalhandling.ledger.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the ledger is asked for: the search, the filters, the order and the page, as they arrive in the query
 * string (values that are not known are ignored, never an error: the list is a read).
 */
record LedgerFilter(String q, String session, ItemKind kind, String unit, ItemStatus stage, boolean overdue,
                    Integer dueWithin, boolean keyOnly, Satisfaction satisfaction, String state, String sort,
                    boolean descending, int page, int size) {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 200;

  /** No search, no filter: every item of the scope. */
  static final LedgerFilter NONE = from(Map.of());

  static LedgerFilter from(Map<String, String> params) {
    Integer dueWithin = integer(params.get("dueWithin"));
    Integer page = integer(params.get("page"));
    Integer size = integer(params.get("size"));
    return new LedgerFilter(blankToNull(params.get("q")), blankToNull(params.get("session")),
        enumOf(ItemKind.class, params.get("kind")), blankToNull(params.get("unit")),
        enumOf(ItemStatus.class, params.get("stage")), "true".equals(params.get("overdue")),
        dueWithin == null || dueWithin < 0 ? null : Math.min(dueWithin, 250), "true".equals(params.get("key")),
        enumOf(Satisfaction.class, params.get("satisfaction")),
        "open".equals(params.get("state")) || "closed".equals(params.get("state")) ? params.get("state") : null,
        params.get("sort") != null && LedgerQuery.SORTS.containsKey(params.get("sort")) ? params.get("sort") : null, "desc".equals(params.get("dir")),
        page == null || page < 1 ? 1 : page, size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE));
  }

  /** The same filter on another page. */
  public LedgerFilter onPage(int otherPage) {
    return new LedgerFilter(q, session, kind, unit, stage, overdue, dueWithin, keyOnly, satisfaction, state, sort,
        descending, otherPage, size);
  }

  /** The same filter in another order, from the first page; the same column again flips the direction. */
  public LedgerFilter sortedBy(String column) {
    boolean flip = column.equals(sort) && !descending;
    return new LedgerFilter(q, session, kind, unit, stage, overdue, dueWithin, keyOnly, satisfaction, state, column,
        flip, 1, size);
  }

  /** The query string of this filter, for links to other pages, other orders and the export. */
  public String query() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", q);
    params.put("session", session);
    params.put("kind", kind == null ? null : kind.name());
    params.put("unit", unit);
    params.put("stage", stage == null ? null : stage.name());
    params.put("overdue", overdue ? "true" : null);
    params.put("dueWithin", dueWithin);
    params.put("key", keyOnly ? "true" : null);
    params.put("satisfaction", satisfaction == null ? null : satisfaction.name());
    params.put("state", state);
    params.put("sort", sort);
    params.put("dir", descending ? "desc" : null);
    params.put("page", page > 1 ? page : null);
    params.put("size", size != DEFAULT_SIZE ? size : null);
    UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
    params.forEach((name, value) -> {
      if (value != null) {
        uri.queryParam(name, value);
      }
    });
    String query = uri.encode().build().getQuery();
    return query == null ? "" : query;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Integer integer(String text) {
    try {
      return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    try {
      return name == null || name.isBlank() ? null : Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
