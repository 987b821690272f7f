package org.proposalhandling.consultation.internal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 起草说明: the explanation generated from the record, for the drafter to complete; it goes with the final
 * draft to sign-off. After a return, the official's comment is shown and the text the drafter had kept.
 */
@Component("consultationExplanationForm")
class ConsultationExplanationForm extends ConsultationFormListener {

  private final ExplanationDraft draft;

  ConsultationExplanationForm(ExplanationDraft draft) {
    this.draft = draft;
  }

  @Override
  protected void prepare(DelegateTask task, Consultation consultation) {
    consultations.setStage(consultation.id(), Stage.EXPLAINING);
    String returned = history.of(consultation.id()).stream().filter(entry -> entry.kind() == Kind.RETURNED)
        .reduce((first, second) -> second).map(ConsultationHistory.Entry::summary).orElse("");
    show(task, Map.of(
        "explanation", consultation.explanation() != null ? consultation.explanation() : draft.of(consultation),
        "returnComment", returned));
  }

  @Override
  protected void complete(DelegateTask task, Consultation consultation, FormValues form) {
    String explanation = form.requiredText("explanation", "起草说明");
    if (explanation.contains(ExplanationDraft.TO_WRITE)) {
      throw new FormValidationException("「起草说明」中还有未填写的部分（" + ExplanationDraft.TO_WRITE + "），请补充完整后提交。");
    }
    consultations.setExplanation(consultation.id(), explanation);
    history.record(consultation.id(), Kind.EXPLANATION, currentUser(task), "起草说明已完成，报负责人签发");
  }
}
