package org.proposalhandling.deadline;

import static org.proposalhandling.deadline.DeadlineRequests.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.deadline.DeadlineRecords.Request;
import org.proposalhandling.deadline.DeadlineRecords.RequestType;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 调整交办: the assigning office decides a unit's request to return the item. Agreed, the handling stops
 * (the process routes on the item, back with the office) and the item goes back to 交办,
 * where the office names the units again and every deadline starts again from the new assignment.
 * Refused, the units go on handling. The requesting unit is told either way by the step that follows
 * ({@link DecisionMail}).
 */
@Component("reassignmentDecisionForm")
class ReassignmentDecisionForm extends ItemFormListener {

  private final DeadlineRecords records;
  private final UnitDirectory units;
  private final DecisionMail mail;

  ReassignmentDecisionForm(ItemRepository items, DeadlineRecords records, UnitDirectory units, DecisionMail mail) {
    super(items);
    this.records = records;
    this.units = units;
    this.mail = mail;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    Request request = request(item);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("requestingUnitName", units.nameOf(request.unitId()));
    fields.put("leadUnitName", units.nameOf(item.leadUnitId()));
    List<String> coUnits = items.coHandlingUnitIds(item.id());
    fields.put("coHandlingUnitNames", coUnits.isEmpty() ? "（无）" : String.join("、", coUnits.stream().map(units::nameOf).toList()));
    fields.put("assignedOnText", format(item.assignedOn()));
    fields.put("reassignmentReason", request.reason());
    fields.put("decision", "");
    fields.put("decisionComment", "");
    show(task, fields);
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    Request request = request(item);
    boolean approved = "approve".equals(form.requiredChoice("decision", "处理意见", List.of("approve", "refuse")));
    String comment = form.optionalText("decisionComment", "说明", 2000);
    if (!approved && comment == null) {
      throw new FormValidationException("不同意调整交办时须填写说明。");
    }
    records.decide(request.id(), approved, null, comment, currentUser(task), EngineClock.now());
    if (approved) {
      lifecycle().reassign(item.id(), units.nameOf(request.unitId()) + "申请调整交办，交办机构同意：" + request.reason());
    } else {
      lifecycle().record(item.id(), ItemEventKind.REASSIGNMENT_REFUSED, comment);
    }
    if (!DecisionMail.drawnAfter(task, DecisionMail.REASSIGNMENT_STEP)) {
      mail.reassignment(item);
    }
  }

  private Request request(Item item) {
    return records.openRequest(item.id(), RequestType.REASSIGNMENT)
        .orElseThrow(() -> new IllegalStateException("No open reassignment request for item " + item.id()));
  }
}
