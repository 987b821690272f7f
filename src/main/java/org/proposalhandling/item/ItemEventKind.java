package org.proposalhandling.item;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can happen to an item: each kind names the stages it may happen in and the stage it leads to (none:
 * the item stays where it is). The lifecycle refuses a kind in any other stage. The history table keeps one
 * row per occurrence, which the ledger's timeline and the statistics read.
 */
public enum ItemEventKind {
  REGISTERED("登记", null, ItemStatus.REGISTERED),
  HISTORY_IMPORTED("历史导入", null, ItemStatus.HISTORY),
  ACCEPTED("立案", EnumSet.of(ItemStatus.REGISTERED), ItemStatus.ACCEPTED),
  REJECTED("不予立案", EnumSet.of(ItemStatus.REGISTERED), ItemStatus.REJECTED),
  ASSIGNED("交办", EnumSet.of(ItemStatus.ACCEPTED), ItemStatus.HANDLING),
  CO_HANDLING_OPINION("会办意见", EnumSet.of(ItemStatus.HANDLING), null),
  CONTACT_RECORDED("沟通联系", EnumSet.of(ItemStatus.HANDLING), null),
  DRAFTING_STARTED("开始起草答复", EnumSet.of(ItemStatus.HANDLING), ItemStatus.DRAFTING),
  DRAFT_SUBMITTED("提交答复稿", EnumSet.of(ItemStatus.DRAFTING), ItemStatus.IN_REVIEW),
  REVIEW_APPROVED("审核通过", EnumSet.of(ItemStatus.IN_REVIEW), ItemStatus.SIGNING),
  REVIEW_RETURNED("审核退回", EnumSet.of(ItemStatus.IN_REVIEW), ItemStatus.DRAFTING),
  COUNTERSIGN_REQUESTED("送协办会签", EnumSet.of(ItemStatus.SIGNING), ItemStatus.COUNTERSIGNING),
  COUNTERSIGN_AGREED("会签同意", EnumSet.of(ItemStatus.COUNTERSIGNING), null),
  COUNTERSIGN_OBJECTED("会签退回意见", EnumSet.of(ItemStatus.COUNTERSIGNING), null),
  COUNTERSIGN_LAPSED("逾期未会签，视为同意", EnumSet.of(ItemStatus.COUNTERSIGNING), null),
  COUNTERSIGN_COMPLETED("协办会签完毕", EnumSet.of(ItemStatus.COUNTERSIGNING), ItemStatus.SIGNING),
  COUNTERSIGN_RETURNED("会签退回", EnumSet.of(ItemStatus.COUNTERSIGNING), ItemStatus.DRAFTING),
  SIGN_OFF_REQUESTED("请负责人签发", EnumSet.of(ItemStatus.SIGNING), null),
  SIGNED("签发", EnumSet.of(ItemStatus.SIGNING), ItemStatus.SIGNED),
  SIGN_OFF_RETURNED("签发退回", EnumSet.of(ItemStatus.SIGNING), ItemStatus.DRAFTING),
  NUMBERED("编发文字号", EnumSet.of(ItemStatus.SIGNED), null),
  OFFICE_REVIEW_STARTED("送督办审核", EnumSet.of(ItemStatus.SIGNED), ItemStatus.OFFICE_REVIEW),
  CATEGORY_CORRECTED("更正答复类别", EnumSet.of(ItemStatus.OFFICE_REVIEW), null),
  OFFICE_REVIEW_APPROVED("督办审核通过", EnumSet.of(ItemStatus.OFFICE_REVIEW), ItemStatus.SIGNED),
  OFFICE_REVIEW_RETURNED("督办审核退回", EnumSet.of(ItemStatus.OFFICE_REVIEW), ItemStatus.DRAFTING),
  DELIVERY_FAILED("送达失败", EnumSet.of(ItemStatus.SIGNED), ItemStatus.DELIVERY_FAILED),
  REDELIVERY("重新送达", EnumSet.of(ItemStatus.DELIVERY_FAILED), ItemStatus.SIGNED),
  DELIVERED("送达答复", EnumSet.of(ItemStatus.SIGNED), ItemStatus.REPLIED),
  PUBLISHED("主动公开", EnumSet.of(ItemStatus.REPLIED), null),
  FEEDBACK_RECORDED("满意度反馈", EnumSet.of(ItemStatus.REPLIED), null),
  FEEDBACK_REMINDED("提醒反馈", EnumSet.of(ItemStatus.REPLIED), null),
  REHANDLING_STARTED("再次办理", EnumSet.of(ItemStatus.REPLIED), ItemStatus.HANDLING),
  EXTENSION_REQUESTED("申请延期", Stages.HANDLING, null),
  EXTENSION_GRANTED("同意延期", Stages.UNTIL_DELIVERY, null),
  EXTENSION_REFUSED("不同意延期", Stages.UNTIL_DELIVERY, null),
  REASSIGNMENT_REQUESTED("申请调整交办", Stages.HANDLING, null),
  REASSIGNMENT_REFUSED("不同意调整交办", Stages.UNTIL_DELIVERY, null),
  REASSIGNED("调整交办", Stages.HANDLING, ItemStatus.ACCEPTED),
  YELLOW_WARNING("黄牌提醒", Stages.UNTIL_DELIVERY, null),
  RED_WARNING("红牌督办", Stages.UNTIL_DELIVERY, null),
  CO_HANDLING_OVERDUE("会办逾期提醒", Stages.UNTIL_DELIVERY, null),
  SUPERVISED("督办", Stages.ASSIGNED, null),
  SMS_SENT("短信已发送", Stages.ANY, null),
  SMS_DELIVERED("短信已送达", Stages.ANY, null),
  SMS_FAILED("短信未送达", Stages.ANY, null),
  CLOSED("办结", EnumSet.of(ItemStatus.REPLIED), ItemStatus.CLOSED);

  /** Groups of stages several kinds share (a nested class: enum constants cannot use the enum's own statics). */
  private static final class Stages {
    static final Set<ItemStatus> HANDLING = EnumSet.of(ItemStatus.HANDLING, ItemStatus.DRAFTING, ItemStatus.IN_REVIEW,
        ItemStatus.COUNTERSIGNING, ItemStatus.SIGNING);
    static final Set<ItemStatus> UNTIL_DELIVERY = EnumSet.copyOf(ItemStatus.owingReply());
    /** A text's receipt may come after the item moved on, even after it closed. */
    static final Set<ItemStatus> ANY = EnumSet.allOf(ItemStatus.class);
    static final Set<ItemStatus> ASSIGNED = EnumSet.complementOf(EnumSet.of(ItemStatus.REGISTERED,
        ItemStatus.REJECTED, ItemStatus.ACCEPTED));
  }

  private final String label;
  private final Set<ItemStatus> from;
  private final ItemStatus to;

  ItemEventKind(String label, Set<ItemStatus> from, ItemStatus to) {
    this.label = label;
    this.from = from;
    this.to = to;
  }

  public String label() {
    return label;
  }

  /** Whether this may happen to an item in this stage (registration: to no item yet). */
  boolean allowedIn(ItemStatus status) {
    return from == null ? status == null : status != null && from.contains(status);
  }

  /** The stage after it: a new one, or the same. */
  ItemStatus after(ItemStatus status) {
    return to == null ? status : to;
  }
}
