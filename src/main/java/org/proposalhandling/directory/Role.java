package org.proposalhandling.directory;

/** What a person does for a unit; each role of each unit is a Camunda group named "&lt;unit&gt;-&lt;role&gt;". */
public enum Role {
  CLERK("clerk", "交办员"),
  HANDLER("handler", "承办人"),
  HEAD("head", "处室负责人"),
  OFFICIAL("official", "负责人");

  private final String suffix;
  private final String label;

  Role(String suffix, String label) {
    this.suffix = suffix;
    this.label = label;
  }

  public String groupOf(String unitId) {
    return unitId + "-" + suffix;
  }

  public String label() {
    return label;
  }

  /** The unit whose role group this is, or null when the group is not this role's. */
  public String unitOf(String groupId) {
    String tail = "-" + suffix;
    return groupId.endsWith(tail) ? groupId.substring(0, groupId.length() - tail.length()) : null;
  }
}
