package org.proposalhandling.points;

import java.util.List;
import java.util.stream.Collectors;

/** A proposal's points and which of them a reply answers; {@link #line()} says it in one line. */
public record PointCheck(List<PointAnswer> answers) {

  public long answeredCount() {
    return answers.stream().filter(PointAnswer::answered).count();
  }

  public List<Point> missing() {
    return answers.stream().filter(answer -> !answer.answered()).map(PointAnswer::point).toList();
  }

  /** 建议共4条，答复涉及4条 or 建议共4条，答复涉及3条，未涉及：第三条（加快医养康养护工、治疗师服务专业化…）. */
  public String line() {
    String counted = "建议共" + answers.size() + "条，答复涉及" + answeredCount() + "条";
    List<Point> missing = missing();
    return missing.isEmpty() ? counted : counted + "，未涉及：" + missing.stream()
        .map(point -> point.label() + "（" + point.summary() + "）").collect(Collectors.joining("、"));
  }
}
