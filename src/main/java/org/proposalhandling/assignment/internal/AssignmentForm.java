package org.proposalhandling.assignment.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.handling.Countersigns;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemRepository.Assignment;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 交办: the assigning office names the lead unit, the co-handling units and whether the item is a key item,
 * among the units of its own jurisdiction, and whether the co-handling units countersign the reply (会签; the
 * office's rule proposes it).
 */
@Component("assignmentForm")
class AssignmentForm extends ItemFormListener {

  private final UnitDirectory units;
  private final Deadlines deadlines;
  private final Countersigns countersigns;

  AssignmentForm(ItemRepository items, UnitDirectory units, Deadlines deadlines, Countersigns countersigns) {
    super(items);
    this.units = units;
    this.deadlines = deadlines;
    this.countersigns = countersigns;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    List<Map<String, String>> options = units.jurisdictionOf(item.assigningOfficeId()).stream()
        .map(unit -> Map.of("label", unit.label(), "value", unit.id())).toList();
    task.setVariableLocal("unitOptions", SpinValues.jsonValue(Spin.JSON(options)).create());
    task.setVariableLocal("coHandlingUnits", SpinValues.jsonValue("[]").create());
    show(task, Map.of(
        "proposedLeadUnitName", item.proposedLeadUnitId() == null ? "（未建议）" : units.nameOf(item.proposedLeadUnitId()),
        "leadUnit", item.proposedLeadUnitId() == null ? "" : item.proposedLeadUnitId(),
        "keyItem", item.keyItem(),
        "countersign", countersigns.requiredByDefault(item.assigningOfficeId())));
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    String leadUnit = handlingUnit(form.requiredText("leadUnit", "主办单位"), "主办单位");
    Set<String> coUnits = new LinkedHashSet<>();
    for (String unitId : form.list("coHandlingUnits")) {
      String coUnit = handlingUnit(unitId, "会办单位");
      if (coUnit.equals(leadUnit)) {
        throw new FormValidationException("主办单位「" + units.nameOf(leadUnit) + "」不能同时作为会办单位。");
      }
      coUnits.add(coUnit);
    }
    LocalDate today = EngineClock.today();
    lifecycle().assign(item.id(), new Assignment(leadUnit, List.copyOf(coUnits), form.checked("keyItem"),
        today, deadlines.replyDue(item.kind(), today),
        coUnits.isEmpty() ? null : deadlines.coHandlingDue(item.kind(), today)));
    countersigns.choose(item.id(), form.checked("countersign"));
  }

  private String handlingUnit(String unitId, String label) {
    return units.find(unitId).filter(unit -> !unit.assigningOffice()).map(Unit::id).orElseThrow(() ->
        new FormValidationException("「" + label + "」中的“" + unitId + "”不是系统中的承办单位。"));
  }
}
