package org.proposalhandling.statistics.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.proposalhandling.item.ItemStatus;

/**
 * One count the statistics report, with its Chinese name, its definition as the page states it, and its SQL
 * aggregate over the per-item rows of {@link StatisticsQuery} (alias t). The tables, the JSON and the
 * workbook all list these, so a figure is defined once.
 */
enum Figure {
  RECEIVED("收到", null, "登记的建议提案件数（含不予立案的）。", "count(*)"),
  ACCEPTED("立案", null, "经审查予以立案的件数。", when("t.status not in (" + names(ItemStatus.REGISTERED, ItemStatus.REJECTED) + ")")),
  REJECTED("不予立案", null, "立案审查决定不予立案的件数。", when("t.status = 'REJECTED'")),
  ASSIGNED("已交办", "主办件数", "已交办给承办单位、正在或已经办理的件数（调整交办后待重新交办的不计）；按单位统计时为该单位主办的件数。",
      when("t.status not in (" + names(Stages.UNASSIGNED) + ")")),
  CO_HANDLED("有会办", "会办件数", "有会办单位的件数；按单位统计时为该单位会办的件数。", "sum(t.co)"),
  REPLIED("已签发答复", null, "负责人已签发至少一次答复的件数。", "sum(t.signed)"),
  DELIVERED("已答复", null, "已向提出人送达至少一次答复的件数。", "sum(t.delivered)"),
  CLOSED("已办结", null, "已办结的件数。", when("t.status in (" + names(ItemStatus.CLOSED, ItemStatus.HISTORY) + ")")),
  ON_TIME("按期答复", null, "首次答复的送达日期不晚于送达当时的答复期限（交办时按工作日历确定，获批延期的以延期后的期限为准）的件数。",
      when("t.first_on_time = true")),
  LATE("逾期答复", null, "首次答复的送达日期晚于送达当时的答复期限的件数。", when("t.first_on_time = false")),
  OVERDUE("当前逾期", null, "至今尚未送达答复且已过答复期限的件数（统计当日）。",
      when("t.status in (" + names(Stages.OWING) + ") and t.reply_due < :today")),
  EXTENSIONS("获批延期", null, "交办机构同意的延期申请次数；按单位统计时按申请单位计。", "sum(t.extensions)"),
  REASSIGNMENTS("调整交办", null, "交办机构同意的调整交办（退回）申请次数；按单位统计时按申请单位计。", "sum(t.reassignments)"),
  REHANDLED("再次办理", null, "因提出人不满意而再次办理的件数。", when("t.handling_round > 1")),
  CATEGORY_A("A类", null, "最近一次送达的答复为A类（已解决或基本解决）的件数。", when("t.category = 'A'")),
  CATEGORY_B("B类", null, "最近一次送达的答复为B类（正在解决或已列入计划）的件数。", when("t.category = 'B'")),
  CATEGORY_C("C类", null, "最近一次送达的答复为C类（因条件限制暂不能解决）的件数。", when("t.category = 'C'")),
  CATEGORY_D("D类", null, "最近一次送达的答复为D类（留作参考）的件数。", when("t.category = 'D'")),
  SATISFIED("满意", null, "最近一次反馈为「满意」的件数。", satisfaction("SATISFIED")),
  BASICALLY_SATISFIED("基本满意", null, "最近一次反馈为「基本满意」的件数。", satisfaction("BASICALLY_SATISFIED")),
  UNSATISFIED("不满意", null, "最近一次反馈为「不满意」的件数（含再次办理中的）。", satisfaction("UNSATISFIED")),
  NO_RESPONSE("未反馈", null, "反馈期限届满仍未收到征询意见表、记为「未反馈」的件数；从不计为满意。", satisfaction("NO_RESPONSE")),
  AWAITING_FEEDBACK("待反馈", null, "答复已送达、仍在反馈期内的件数。", when("t.status = 'REPLIED'"));

  /** The figures a handling unit's row shows: from assignment on (intake is the office's). */
  static final List<Figure> OF_UNITS = Arrays.stream(values()).filter(figure -> figure.ordinal() >= ASSIGNED.ordinal()).toList();

  private final String label;
  private final String unitLabel;
  private final String definition;
  private final String aggregate;

  Figure(String label, String unitLabel, String definition, String aggregate) {
    this.label = label;
    this.unitLabel = unitLabel;
    this.definition = definition;
    this.aggregate = aggregate;
  }

  String label() {
    return label;
  }

  /** The column's name in the table by unit. */
  String unitLabel() {
    return unitLabel != null ? unitLabel : label;
  }

  String definition() {
    return definition;
  }

  /** The SQL aggregate, named by the figure: {@code sum(...) as ON_TIME}. */
  String select() {
    return aggregate + " as " + name();
  }

  private static String when(String condition) {
    return "sum(case when " + condition + " then 1 else 0 end)";
  }

  /** The latest feedback; an item whose reply waits for feedback counts as 待反馈, whatever an earlier round said. */
  private static String satisfaction(String value) {
    return when("t.status <> 'REPLIED' and t.satisfaction = '" + value + "'");
  }

  static String names(ItemStatus... statuses) {
    return names(List.of(statuses));
  }

  static String names(List<ItemStatus> statuses) {
    return statuses.stream().map(status -> "'" + status.name() + "'").collect(Collectors.joining(", "));
  }

  /** Groups of stages the figures and the scope share. */
  static final class Stages {
    /** No unit holds the item: before assignment, and after an approved reassignment until the next one. */
    static final List<ItemStatus> UNASSIGNED = List.of(ItemStatus.REGISTERED, ItemStatus.REJECTED, ItemStatus.ACCEPTED);
    /** The reply is owed: a due date can be missed. */
    static final List<ItemStatus> OWING = ItemStatus.owingReply();

    private Stages() {
    }
  }
}
