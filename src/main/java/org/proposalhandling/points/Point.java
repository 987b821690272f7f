package org.proposalhandling.points;

import org.proposalhandling.workflow.TextLength;

/** One point of a proposal: its place among the points (from 1) and its text without the number. */
public record Point(int ordinal, String text) {

  private static final int SUMMARY_LENGTH = 20;

  /** How the reply and the checklist name it: 第三条. */
  public String label() {
    return "第" + Numerals.of(ordinal) + "条";
  }

  /** Its first clause, at most 20 characters, for a one-line list. */
  public String summary() {
    String clause = text.split("[。；;：:\\n]", 2)[0].strip();
    return TextLength.of(clause) <= SUMMARY_LENGTH ? clause : TextLength.cut(clause, SUMMARY_LENGTH) + "…";
  }
}
