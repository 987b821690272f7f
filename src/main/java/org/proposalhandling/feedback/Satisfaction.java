package org.proposalhandling.feedback;

/** The proposer's overall rating of a reply. */
public enum Satisfaction {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  UNSATISFIED("不满意");

  private final String label;

  Satisfaction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
