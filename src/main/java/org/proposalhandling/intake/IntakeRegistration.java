package org.proposalhandling.intake;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.workflow.FormFields;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * Registers a new item when its process starts, whoever starts it (a clerk's start form, a bulk import):
 * validates the intake form, registers the item through the lifecycle and makes its id the business key.
 * A refused form starts nothing: the exception rolls the whole start back. The form's values then leave the
 * process, which keeps no variables: it routes on the item.
 */
@Component("intakeRegistration")
class IntakeRegistration implements ExecutionListener {

  static final String FORM_ID = "intake";
  /** Named by the system (an import, a test) when no clerk is signed in; never taken from a user. */
  static final String SYSTEM_OFFICE_VARIABLE = "assigningOffice";

  private final ItemLifecycle lifecycle;
  private final UnitDirectory units;
  private final IntakeValidator validator;
  private final FormFields formFields;

  IntakeRegistration(ItemLifecycle lifecycle, UnitDirectory units, IntakeValidator validator, FormFields formFields) {
    this.lifecycle = lifecycle;
    this.units = units;
    this.validator = validator;
    this.formFields = formFields;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Set<String> fields = formFields.of(execution.getProcessDefinitionId(), FORM_ID);
    refuseStrayVariables(execution, fields);
    formFields.refuseMistypedValues(execution.getProcessDefinitionId(), FORM_ID, execution::getVariable);
    Unit office = assigningOffice(execution);
    IntakeValidator.Checked checked = validator.check(FormValues.of(execution), office, execution.getProcessInstanceId());
    if (!checked.valid()) {
      throw new FormValidationException(checked.problems().get(0).message());
    }
    Item item = checked.item();
    execution.setProcessBusinessKey(item.id());
    lifecycle.register(item);
    execution.removeVariables(execution.getVariableNames());
  }

  private static void refuseStrayVariables(DelegateExecution execution, Set<String> fields) {
    Set<String> allowed = new HashSet<>(fields);
    allowed.add(SYSTEM_OFFICE_VARIABLE);
    Set<String> stray = new TreeSet<>(execution.getVariableNames());
    stray.removeAll(allowed);
    if (!stray.isEmpty()) {
      throw new FormValidationException("提交的内容中有登记表以外的字段：" + String.join("、", stray) + "。只能提交登记表中的字段。");
    }
  }

  /**
   * The office of the clerk who registers the item. The system itself (a bulk import, a test) names the
   * office in the variable "assigningOffice" instead.
   */
  private Unit assigningOffice(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return units.assigningOfficeOf(authentication).orElseThrow(() ->
          new FormValidationException("只有交办机构的交办员可以登记建议提案。"));
    }
    Object named = execution.getVariable(SYSTEM_OFFICE_VARIABLE);
    return units.find(String.valueOf(named)).filter(Unit::assigningOffice).orElseThrow(() ->
        new FormValidationException("未指定交办机构，或「" + named + "」不是交办机构。"));
  }
}
