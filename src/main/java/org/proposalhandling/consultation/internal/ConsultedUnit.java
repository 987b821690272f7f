package org.proposalhandling.consultation.internal;

import java.time.Instant;

/** A unit asked for comments in one round, and what it did. */
record ConsultedUnit(String unitId, int round, Answer answer, String answeredBy, Instant answeredAt) {

  enum Answer {
    PENDING("待反馈"), COMMENTED("已反馈意见"), NO_COMMENT("无意见"), MISSED("逾期未反馈");

    private final String label;

    Answer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
