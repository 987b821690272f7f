package org.proposalhandling.points;

/** Whether the reply answers one point, and by what the matcher knows it. */
public record PointAnswer(Point point, How how) {

  public enum How { REFERENCE, HEADING, CONTENT, NONE }

  public boolean answered() {
    return how != How.NONE;
  }
}
