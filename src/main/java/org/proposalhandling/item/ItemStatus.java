package org.proposalhandling.item;

import java.util.List;

/** Where an item stands; only {@link ItemLifecycle} moves it from one to the next. */
public enum ItemStatus {
  REGISTERED("待立案审查"),
  REJECTED("不予立案"),
  ACCEPTED("待交办"),
  HANDLING("会办及沟通"),
  DRAFTING("起草答复"),
  IN_REVIEW("审核答复"),
  /** The reviewed draft waits for the co-handling units' 会签 (where the item asks for it). */
  COUNTERSIGNING("协办未会签"),
  SIGNING("待签发"),
  /** The signed reply waits for the assigning office's 督办审核 (where the office asks for it). */
  OFFICE_REVIEW("督办未审核"),
  SIGNED("已签发，待送达"),
  /** The reply could not leave (its letter, or the mail to the proposer, failed every retry): no feedback clock yet. */
  DELIVERY_FAILED("送达失败"),
  REPLIED("已答复，待反馈"),
  CLOSED("已办结"),
  /** An item of an earlier year loaded with its reply (历史导入): closed as it was, without a process. */
  HISTORY("已办结（历史导入）");

  private final String label;

  ItemStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The stage as a user reads it: the second round is marked. */
  public String label(int round) {
    return round > 1 && this != CLOSED && this != REPLIED && this != HISTORY ? "再次办理：" + label : label;
  }

  /** Whether the item is being handled by its units (from assignment until the reply is signed). */
  public boolean inHandling() {
    return this == HANDLING || this == DRAFTING || this == IN_REVIEW || this == COUNTERSIGNING || this == SIGNING;
  }

  /** The stages in which the reply is still owed, where a due date can be missed. */
  /** The stages after which nothing more happens to the item. */
  public static List<ItemStatus> finished() {
    return List.of(CLOSED, HISTORY, REJECTED);
  }

  public static List<ItemStatus> owingReply() {
    return List.of(HANDLING, DRAFTING, IN_REVIEW, COUNTERSIGNING, SIGNING, OFFICE_REVIEW, SIGNED, DELIVERY_FAILED);
  }
}
