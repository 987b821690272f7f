package org.proposalhandling.points;

import java.util.List;
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
}
