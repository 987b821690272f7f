package org.proposalhandling.item;

/** The kinds of item; deputies' suggestions come from the people's congress, proposals from the CPPCC. */
public enum ItemKind {
  DEPUTY_SUGGESTION("代表建议"),
  MEMBER_PROPOSAL("委员提案"),
  PARTY_GROUP_PROPOSAL("党派团体提案"),
  COMMITTEE_PROPOSAL("委员会提案");

  private final String label;

  ItemKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Deputies second (附议) a suggestion; members and groups sign a proposal jointly (联名). */
  public CoSigner.Kind coSigning() {
    return this == DEPUTY_SUGGESTION ? CoSigner.Kind.SECONDING : CoSigner.Kind.JOINT;
  }
}
