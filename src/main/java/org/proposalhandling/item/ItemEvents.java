package org.proposalhandling.item;

import java.util.List;

/**
 * What the lifecycle tells the rest of the app, as Spring application events published in the transaction
 * of the transition. A listener that must not miss one runs in that transaction (writing to the mail outbox,
 * say) or records its own durable work; the item history keeps every transition in any case.
 */
public final class ItemEvents {

  private ItemEvents() {
  }

  /** Every transition and record, for listeners that follow them all (a timeline, a counter). */
  public record Occurred(String itemId, ItemEventKind kind, int round, ItemStatus statusAfter) {
  }

  public record Registered(String itemId) {
  }

  public record Assigned(String itemId, String leadUnitId, List<String> coHandlingUnitIds) {
  }

  public record ReplySigned(String itemId, int round) {
  }

  public record ReplyDelivered(String itemId, int round) {
  }

  public record FeedbackRecorded(String itemId, int round, Satisfaction satisfaction) {
  }

  public record RehandlingStarted(String itemId, int round) {
  }

  public record Reassigned(String itemId, List<String> formerUnitIds) {
  }

  public record Closed(String itemId) {
  }
}
