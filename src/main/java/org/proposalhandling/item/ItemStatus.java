package org.proposalhandling.item;

public enum ItemStatus {
  REGISTERED("待立案审查"),
  REJECTED("不予立案"),
  ACCEPTED("待交办"),
  HANDLING("办理中"),
  REPLIED("已答复，待反馈"),
  REHANDLING("再次办理中"),
  CLOSED("已办结");

  private final String label;

  ItemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
