package org.proposalhandling.points;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The checklist of a proposal's points against a draft reply: shown to warn, never a reason to refuse a step. */
@Component("pointChecks")
public class PointChecks {

  public List<Point> points(String proposal) {
    return PointFinder.find(proposal);
  }

  public PointCheck check(String proposal, String reply) {
    return new PointCheck(PointMatcher.match(points(proposal), reply == null ? "" : reply));
  }

  /**
   * The points one a line, for a form's read-only field: checked against the draft the app holds (a draft sent
   * back, the round before's reply), or listed alone when there is none yet.
   */
  public String checklist(String proposal, String draft) {
    if (draft == null || draft.isBlank()) {
      List<Point> points = points(proposal);
      return "建议共" + points.size() + "条：\n" + points.stream().map(point -> point.label() + "：" + point.text())
          .collect(Collectors.joining("\n"));
    }
    PointCheck check = check(proposal, draft);
    return "已存答复稿：" + check.line() + "\n" + check.answers().stream()
        .map(answer -> (answer.answered() ? "✓ " : "✗ ") + answer.point().label() + "：" + answer.point().text())
        .collect(Collectors.joining("\n"));
  }
}
