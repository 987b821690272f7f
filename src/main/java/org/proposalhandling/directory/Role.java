package org.proposalhandling.directory;

import java.util.Collection;
import java.util.Objects;
import org.camunda.bpm.engine.task.IdentityLink;

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

  /**
   * The unit whose role group a task was given to: the authority on whose task it is, whatever a client
   * submits with it.
   */
  public String unitAmong(Collection<? extends IdentityLink> candidates) {
    return candidates.stream().map(candidate -> candidate.getGroupId() == null ? null : unitOf(candidate.getGroupId()))
        .filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new IllegalStateException("The task was given to no " + suffix + " group"));
  }
}
