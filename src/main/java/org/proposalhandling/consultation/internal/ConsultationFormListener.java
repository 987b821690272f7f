package org.proposalhandling.consultation.internal;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.workflow.FormTaskListener;
import org.proposalhandling.workflow.FormValues;
import org.proposalhandling.workflow.TextLength;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The form listener of a consultation's tasks: names the task after the draft, shows the consultation's
 * header (title, drafting unit, round, deadline, the latest version and a link to its page) and hands the
 * rest to the step.
 */
abstract class ConsultationFormListener extends FormTaskListener<Consultation> {

  protected Consultations consultations;
  protected ConsultationHistory history;
  protected UnitDirectory units;

  /** Set by Spring; setters so that the form listeners need not pass these through their constructors. */
  @Autowired
  final void setShared(Consultations consultations, ConsultationHistory history, UnitDirectory units) {
    this.consultations = consultations;
    this.history = history;
    this.units = units;
  }

  @Override
  protected final Consultation subject(String businessKey) {
    return consultations.get(businessKey);
  }

  @Override
  protected final void created(DelegateTask task, Consultation consultation) {
    String qualifier = taskQualifier(task);
    task.setName("【征求意见】" + task.getName() + (qualifier == null ? "" : "（" + qualifier + "）") + "｜" + shortTitle(consultation));
    task.setDescription(consultation.title());
    Map<String, Object> fields = new HashMap<>();
    fields.put("consultationTitle", consultation.title());
    fields.put("draftingUnitName", units.nameOf(consultation.draftingUnitId()));
    fields.put("round", consultation.round());
    fields.put("commentDue", consultation.commentDue().toString());
    fields.put("consultationPageLink", "/consultations/" + consultation.id());
    fields.put("draftText", consultations.latestVersion(consultation.id()).body());
    show(task, fields);
    prepare(task, consultation);
  }

  @Override
  protected final void completed(DelegateTask task, Consultation consultation, FormValues form) {
    complete(task, consultation, form);
  }

  /** Words added to the task's name, e.g. the consulted unit; none by default. */
  protected String taskQualifier(DelegateTask task) {
    return null;
  }

  protected abstract void prepare(DelegateTask task, Consultation consultation);

  protected abstract void complete(DelegateTask task, Consultation consultation, FormValues form);

  private static String shortTitle(Consultation consultation) {
    String title = consultation.title();
    return TextLength.abbreviate(title, 24);
  }
}
