package org.proposalhandling.item;

/** The proposer's overall rating of a reply, or that none came. */
public enum Satisfaction {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  UNSATISFIED("不满意"),
  /** The proposer did not answer in time: recorded as such, never counted as satisfied. */
  NO_RESPONSE("未反馈");

  private final String label;

  Satisfaction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
