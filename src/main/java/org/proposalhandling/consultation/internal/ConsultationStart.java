package org.proposalhandling.consultation.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.directory.ProcessAccess;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.SystemActions;
import org.proposalhandling.workflow.TextLength;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 发起征求意见: stores the draft (version 1) and the units to consult, and starts the process on it, in one
 * transaction: a refused draft leaves nothing behind. The process is started as the system, after the
 * drafter's right to draft for the unit was checked here.
 */
@Service
class ConsultationStart {

  static final String PROCESS = "policy-consultation";

  /** What the drafter filled in. */
  record Draft(String title, String draftingUnitId, String body, List<String> unitIds, LocalDate commentDue,
               List<Attachments.Upload> attachments) {
  }

  private final Consultations consultations;
  private final Attachments attachments;
  private final ConsultationHistory history;
  private final UnitDirectory units;
  private final RuntimeService runtime;
  private final ProcessAccess access;
  private final SystemActions system;

  ConsultationStart(Consultations consultations, Attachments attachments, ConsultationHistory history, UnitDirectory units,
                    RuntimeService runtime, ProcessAccess access, SystemActions system) {
    this.consultations = consultations;
    this.attachments = attachments;
    this.history = history;
    this.units = units;
    this.runtime = runtime;
    this.access = access;
    this.system = system;
  }

  @Transactional
  String start(Draft draft, String userId) {
    Set<String> unitIds = validate(draft);
    String id = UUID.randomUUID().toString();
    consultations.create(id, draft.title().strip(), draft.draftingUnitId(), draft.commentDue(), draft.body().strip(), userId, unitIds);
    draft.attachments().forEach(upload -> attachments.add(id, upload));
    history.record(id, Kind.STARTED, userId, "征求 " + unitIds.size() + " 个单位意见（"
        + String.join("、", unitIds.stream().map(units::nameOf).toList()) + "），期限 " + draft.commentDue());
    ProcessInstance instance = system.run(() -> runtime.startProcessInstanceByKey(PROCESS, id));
    access.grantUnit(instance.getId(), draft.draftingUnitId());
    unitIds.forEach(unitId -> access.grantUnit(instance.getId(), unitId));
    return id;
  }

  private Set<String> validate(Draft draft) {
    if (draft.title() == null || draft.title().isBlank()) {
      throw new FormValidationException("请填写「草案标题」。");
    }
    TextLength.atMost(draft.title().strip(), "草案标题", 500);
    if (draft.body() == null || draft.body().isBlank()) {
      throw new FormValidationException("请填写「草案正文」。");
    }
    Set<String> unitIds = new LinkedHashSet<>(draft.unitIds());
    unitIds.remove(draft.draftingUnitId());
    if (unitIds.isEmpty()) {
      throw new FormValidationException("请至少选择一个征求意见的单位（起草单位本身除外）。");
    }
    String office = units.get(draft.draftingUnitId()).officeId();
    for (String unitId : unitIds) {
      if (units.find(unitId).isEmpty()) {
        throw new FormValidationException("没有单位「" + unitId + "」。");
      }
      if (!units.inJurisdiction(office, unitId)) {
        throw new FormValidationException("「" + units.nameOf(unitId) + "」不是" + units.nameOf(office)
            + "辖区内的单位，只能征求本辖区其他单位的意见。");
      }
    }
    if (draft.commentDue() == null || !draft.commentDue().isAfter(EngineClock.today())) {
      throw new FormValidationException("「反馈期限」须晚于今天。");
    }
    return unitIds;
  }
}
