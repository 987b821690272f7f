package org.proposalhandling.handling;

import java.time.Instant;

/** The reply of one round of handling: the draft, then its sign-off, number and delivery. */
public record Reply(String itemId, int round, String body, String category, String disclosure,
                    String handlerName, String handlerPhone, String documentNumber,
                    String signedBy, Instant signedAt, Instant deliveredAt) {

  public String handler() {
    return handlerName + "（" + handlerPhone + "）";
  }
}
