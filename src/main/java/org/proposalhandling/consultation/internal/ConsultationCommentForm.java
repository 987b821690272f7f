package org.proposalhandling.consultation.internal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.consultation.internal.ConsultedUnit.Answer;
import org.proposalhandling.directory.Role;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 反馈意见: a consulted unit's comments on the draft, or "no comment". The unit is the one whose handlers the
 * task was given to, whatever a client submits; each unit writes only its own row, so units answering at
 * the same moment never touch each other's.
 */
@Component("consultationCommentForm")
class ConsultationCommentForm extends ConsultationFormListener {

  private final Comments comments;

  ConsultationCommentForm(Comments comments) {
    this.comments = comments;
  }

  @Override
  protected String taskQualifier(DelegateTask task) {
    return units.nameOf(unitOf(task));
  }

  @Override
  protected void prepare(DelegateTask task, Consultation consultation) {
    show(task, Map.of("unitName", units.nameOf(unitOf(task)), "comments", "", "noComment", false));
  }

  @Override
  protected void complete(DelegateTask task, Consultation consultation, FormValues form) {
    String unitId = unitOf(task);
    boolean noComment = form.checked("noComment");
    String text = form.optionalText("comments", "意见", 20000);
    if (!noComment && text == null) {
      throw new FormValidationException("请填写「意见」；没有意见的，请勾选「无意见」。");
    }
    if (noComment && text != null) {
      throw new FormValidationException("已勾选「无意见」，请清空「意见」；有意见的，请取消勾选「无意见」。");
    }
    if (!consultations.answer(consultation.id(), consultation.round(), unitId, noComment ? Answer.NO_COMMENT : Answer.COMMENTED,
        currentUser(task))) {
      throw new FormValidationException("本单位在本轮已经反馈过，或本轮征求意见已经结束。");
    }
    if (noComment) {
      history.record(consultation.id(), Kind.UNIT_NO_COMMENT, currentUser(task), units.nameOf(unitId) + "：无意见");
    } else {
      comments.addUnitComment(consultation.id(), consultation.round(), unitId, text);
      history.record(consultation.id(), Kind.UNIT_COMMENTED, currentUser(task), units.nameOf(unitId) + "：" + text);
    }
  }

  private static String unitOf(DelegateTask task) {
    return Role.HANDLER.unitAmong(task.getCandidates());
  }
}
