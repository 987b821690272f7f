package org.proposalhandling.intake;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.proposalhandling.directory.ItemAccess;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * Registers a new item when its process starts: validates the intake form, stores the item and makes its
 * id the business key. A refused form starts nothing: the exception rolls the whole start back.
 * The form's values then leave the process; only the assigning office stays, for routing.
 */
@Component("intakeRegistration")
class IntakeRegistration implements ExecutionListener {

  static final List<String> FORM_FIELDS = List.of("sessionName", "number", "kind", "title", "content",
      "proposerName", "coSigners", "proposerEmail", "proposerPhone", "filedOn", "publicationConsent",
      "proposedLeadUnit", "assigningOffice");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final ItemRepository items;
  private final UnitDirectory units;
  private final ItemAccess access;

  IntakeRegistration(ItemRepository items, UnitDirectory units, ItemAccess access) {
    this.items = items;
    this.units = units;
    this.access = access;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Unit office = assigningOffice(execution);
    Item item = read(FormValues.of(execution), office);
    items.findBySessionAndNumber(item.sessionName(), item.number()).ifPresent(existing -> {
      throw new FormValidationException("「" + item.sessionName() + "」中已登记编号为 " + item.number()
          + " 的建议提案（《" + existing.title() + "》），同一会议的编号不能重复。");
    });
    items.insert(item);
    execution.setProcessBusinessKey(item.id());
    execution.removeVariables(FORM_FIELDS);
    execution.setVariable("assigningOffice", office.id());
    access.grantOffice(execution.getProcessInstanceId(), office.id());
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
    Object named = execution.getVariable("assigningOffice");
    return units.find(String.valueOf(named)).filter(Unit::assigningOffice).orElseThrow(() ->
        new FormValidationException("未指定交办机构，或「" + named + "」不是交办机构。"));
  }

  private Item read(FormValues form, Unit office) {
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
        proposedLeadUnit(form.text("proposedLeadUnit")),
        ItemStatus.REGISTERED,
        null, null, false, null, null, null, 1,
        EngineClock.now());
  }

  private String proposedLeadUnit(String nameOrId) {
    if (nameOrId == null) {
      return null;
    }
    return units.findByName(nameOrId).or(() -> units.find(nameOrId))
        .filter(unit -> !unit.assigningOffice())
        .map(Unit::id)
        .orElseThrow(() -> new FormValidationException("「建议主办单位」中的“" + nameOrId
            + "”不是系统中的承办单位，请填写单位全称，例如：吉林省民政厅。"));
  }

  private static String limited(String text, String label, int maxLength) {
    if (text.length() > maxLength) {
      throw new FormValidationException("「" + label + "」不能超过 " + maxLength + " 个字。");
    }
    return text;
  }
}
