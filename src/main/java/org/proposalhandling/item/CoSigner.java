package org.proposalhandling.item;

/**
 * One of an item's co-signers, beside its lead proposer: 联名 on a CPPCC proposal, 附议 on a deputy's suggestion.
 * The position (from 1, in the order registered) names the person in the item's per-person feedback.
 */
public record CoSigner(int position, String name, Kind kind, String constituency, String email, String mobile) {

  /** How the item's kind calls its co-signers. */
  public enum Kind {
    JOINT("联名"),
    SECONDING("附议");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The name with the delegation or sector when known, e.g. 张三（长春代表团）. */
  public String nameWithConstituency() {
    return constituency == null ? name : name + "（" + constituency + "）";
  }
}
