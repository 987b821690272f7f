package org.proposalhandling.consultation.internal;

import java.time.Instant;

/**
 * One comment on a draft: a consulted unit's or a member of the public's, and how the drafter handled it. A
 * public commenter's contact was promised 「仅供起草单位联系」: only the drafting unit's page shows it.
 */
record Comment(String id, int round, Source source, String unitId, String author, String contact, String body, Instant receivedAt,
               Moderation moderation, Handling handling, String handlingReason) {

  enum Source { UNIT, PUBLIC }

  /** A public comment is shown on the public page only once the drafting unit has let it through. */
  enum Moderation {
    PENDING("待审核"), SHOWN("已公开"), HIDDEN("不予公开");

    private final String label;

    Moderation(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  enum Handling {
    ADOPTED("采纳"), PARTLY("部分采纳"), NOT_ADOPTED("未采纳");

    private final String label;

    Handling(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Whether the drafter still has to record how this comment was used. A hidden public comment needs no answer. */
  public boolean awaitsHandling() {
    return handling == null && moderation != Moderation.HIDDEN && moderation != Moderation.PENDING;
  }
}
