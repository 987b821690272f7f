package org.proposalhandling.workspace.internal;

import java.util.List;
import java.util.Map;
import org.proposalhandling.item.ItemEventKind;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the register is asked for, as it arrives in the query string: the lead unit and the kind of reminder.
 * A value that is not known is ignored, never an error: the register is a read.
 */
record ReminderFilter(String unit, ItemEventKind kind) {

  /** What the register holds: the deadline's reminders, the office's supervision and the feedback reminder. */
  static final List<ItemEventKind> KINDS = List.of(ItemEventKind.YELLOW_WARNING, ItemEventKind.RED_WARNING,
      ItemEventKind.CO_HANDLING_OVERDUE, ItemEventKind.SUPERVISED, ItemEventKind.FEEDBACK_REMINDED);

  static ReminderFilter from(Map<String, String> params) {
    String unit = params.get("unit");
    String kind = params.get("kind");
    return new ReminderFilter(unit == null || unit.isBlank() ? null : unit.strip(),
        KINDS.stream().filter(known -> known.name().equals(kind)).findFirst().orElse(null));
  }

  /** The query string of this filter, for the export's link. */
  public String query() {
    UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
    if (unit != null) {
      uri.queryParam("unit", unit);
    }
    if (kind != null) {
      uri.queryParam("kind", kind.name());
    }
    String query = uri.encode().build().getQuery();
    return query == null ? "" : query;
  }
}
