package org.proposalhandling.feedback;

/** proposals.feedback.result-rule: how a joint item's result (its satisfaction) follows its proposers' answers. */
public enum ResultRule {
  /** The lead proposer's answer is the item's (the default). */
  LEAD("以领衔人的评价为办件结果"),
  /** 不满意 when the lead proposer or any co-signer answered so, else the lead proposer's answer. */
  ANY_DISSATISFIED("领衔人或任一联名（附议）人不满意即为不满意，否则以领衔人的评价为准");

  private final String label;

  ResultRule(String label) {
    this.label = label;
  }

  /** The rule as the statistics page states it. */
  public String label() {
    return label;
  }
}
