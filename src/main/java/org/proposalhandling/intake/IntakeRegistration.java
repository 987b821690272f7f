package org.proposalhandling.intake;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.EngineClock;
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
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final ItemLifecycle lifecycle;
  private final UnitDirectory units;
  private final FormFields formFields;

  IntakeRegistration(ItemLifecycle lifecycle, UnitDirectory units, FormFields formFields) {
    this.lifecycle = lifecycle;
    this.units = units;
    this.formFields = formFields;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Set<String> fields = formFields.of(execution.getProcessDefinitionId(), FORM_ID);
    refuseStrayVariables(execution, fields);
    Unit office = assigningOffice(execution);
    Item item = read(FormValues.of(execution), office, execution.getProcessInstanceId());
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

  private Item read(FormValues form, Unit office, String processInstanceId) {
    String kind = form.requiredChoice("kind", "类别",
        Arrays.stream(ItemKind.values()).map(Enum::name).toList());
    String email = form.optionalText("proposerEmail", "提出人电子邮箱", 200);
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw new FormValidationException("「提出人电子邮箱」格式不正确：" + email + "。");
    }
    String consent = form.requiredChoice("publicationConsent", "是否同意公开答复", List.of("yes", "no", "true", "false"));
    return new Item(
        UUID.randomUUID().toString(),
        office.id(),
        limited(form.requiredText("sessionName", "会议届次"), "会议届次", 100),
        limited(form.requiredText("number", "编号"), "编号", 50),
        ItemKind.valueOf(kind),
        limited(form.requiredText("title", "标题"), "标题", 500),
        form.requiredText("content", "内容"),
        limited(form.requiredText("proposerName", "提出人（领衔人）"), "提出人（领衔人）", 200),
        form.optionalText("coSigners", "附议人", 1000),
        email,
        form.optionalText("proposerPhone", "提出人联系电话", 50),
        consent.equals("yes") || consent.equals("true"),
        form.optionalDate("filedOn", "提出日期"),
        proposedLeadUnit(form.text("proposedLeadUnit"), office),
        ItemStatus.REGISTERED,
        null, null, false, null, null, null, 1,
        EngineClock.now(), processInstanceId, null);
  }

  private String proposedLeadUnit(String nameOrId, Unit office) {
    if (nameOrId == null) {
      return null;
    }
    return units.findByName(nameOrId).or(() -> units.find(nameOrId))
        .filter(unit -> units.inJurisdiction(office.id(), unit.id()))
        .map(Unit::id)
        .orElseThrow(() -> new FormValidationException("「建议主办单位」中的“" + nameOrId
            + "”不是" + office.name() + "交办范围内的承办单位，请填写单位全称，例如：" + example(office) + "。"));
  }

  private String example(Unit office) {
    return units.jurisdictionOf(office.id()).stream().findFirst().map(Unit::name).orElse("承办单位全称");
  }

  private static String limited(String text, String label, int maxLength) {
    if (text.length() > maxLength) {
      throw new FormValidationException("「" + label + "」不能超过 " + maxLength + " 个字。");
    }
    return text;
  }
}
