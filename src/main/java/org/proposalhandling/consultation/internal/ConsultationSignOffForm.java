package org.proposalhandling.consultation.internal;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 签发: the drafting unit's responsible official approves the final draft with its 起草说明, or returns it
 * with a comment, from the mail's links or in Tasklist; both complete this task.
 */
@Component("consultationSignOffForm")
class ConsultationSignOffForm extends ConsultationFormListener {

  @Override
  protected void prepare(DelegateTask task, Consultation consultation) {
    show(task, Map.of("explanation", consultation.explanation() == null ? "" : consultation.explanation(),
        "decision", "", "comment", ""));
  }

  @Override
  protected void complete(DelegateTask task, Consultation consultation, FormValues form) {
    boolean approved = form.requiredChoice("decision", "意见", List.of("approve", "return")).equals("approve");
    String comment = form.optionalText("comment", "意见说明", 4000);
    if (!approved && comment == null) {
      throw new FormValidationException("退回修改时须填写意见说明，起草人将据此修改。");
    }
    if (approved) {
      consultations.markSigned(consultation.id(), currentUser(task));
      history.record(consultation.id(), Kind.SIGNED, currentUser(task), "同意签发第 "
          + consultations.latestVersion(consultation.id()).number() + " 稿" + (comment == null ? "" : "：" + comment));
    } else {
      history.record(consultation.id(), Kind.RETURNED, currentUser(task), comment);
    }
  }
}
