package org.proposalhandling.feedback;

import java.util.List;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.TextLength;

/** A person's answer as a form sends it (the link's page, the office's entry of a paper form), checked. */
record AnswerInput(Satisfaction satisfaction, String comments) {

  private static final List<String> CHOICES = List.of(
      Satisfaction.SATISFIED.name(), Satisfaction.BASICALLY_SATISFIED.name(), Satisfaction.UNSATISFIED.name());

  static AnswerInput of(String satisfaction, String comments) {
    if (satisfaction == null || !CHOICES.contains(satisfaction)) {
      throw new FormValidationException("请选择总体评价：满意、基本满意或不满意。");
    }
    String text = comments == null || comments.isBlank() ? null : TextLength.atMost(comments.strip(), "意见和建议", 4000);
    if (satisfaction.equals(Satisfaction.UNSATISFIED.name()) && text == null) {
      throw new FormValidationException("选择「不满意」时请填写不满意的理由。");
    }
    return new AnswerInput(Satisfaction.valueOf(satisfaction), text);
  }
}
