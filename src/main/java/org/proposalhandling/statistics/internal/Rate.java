package org.proposalhandling.statistics.internal;

import java.util.List;

/** The rates a report quotes, each a quotient of figures, with the definition the page states. */
enum Rate {
  REPLY_RATE("答复率", "已答复件数 ÷ 已交办件数。",
      List.of(Figure.DELIVERED), List.of(Figure.ASSIGNED)),
  ON_TIME_RATE("按期答复率", "按期答复件数 ÷（按期答复件数 + 逾期答复件数），均按首次答复计。",
      List.of(Figure.ON_TIME), List.of(Figure.ON_TIME, Figure.LATE)),
  SATISFACTION_RATE("满意率", "（满意 + 基本满意）÷（满意 + 基本满意 + 不满意 + 未反馈）：未反馈计入分母、从不计为满意，仍在反馈期内的（待反馈）不计入。",
      List.of(Figure.SATISFIED, Figure.BASICALLY_SATISFIED),
      List.of(Figure.SATISFIED, Figure.BASICALLY_SATISFIED, Figure.UNSATISFIED, Figure.NO_RESPONSE));

  private final String label;
  private final String definition;
  private final List<Figure> numerator;
  private final List<Figure> denominator;

  Rate(String label, String definition, List<Figure> numerator, List<Figure> denominator) {
    this.label = label;
    this.definition = definition;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  String label() {
    return label;
  }

  String definition() {
    return definition;
  }

  /** The rate as a fraction (0.875), or null when there is nothing to divide by. */
  Double of(Tally tally) {
    long below = denominator.stream().mapToLong(tally::get).sum();
    return below == 0 ? null : (double) numerator.stream().mapToLong(tally::get).sum() / below;
  }
}
