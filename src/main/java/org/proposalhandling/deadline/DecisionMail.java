package org.proposalhandling.deadline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.deadline.DeadlineRecords.Request;
import org.proposalhandling.deadline.DeadlineRecords.RequestType;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/**
 * 告知审批结果: the steps after 延期审批 and 调整交办审核 ("${decisionMail.extension(execution)}") tell the
 * requesting unit the office's decision, read from the request it decided. They run in the decision's
 * transaction, as the mail did when the form's listener wrote it: the outbox only stores the mail (SMTP is the
 * mail-dispatch's), and an asynchronous step before the reassignment's escalation would leave the handling's
 * tasks open after the office took the item back.
 */
@Component("decisionMail")
public class DecisionMail {

  static final String EXTENSION_STEP = "Task_NotifyExtensionDecision";
  static final String REASSIGNMENT_STEP = "Task_NotifyReassignmentDecision";

  private final ItemRepository items;
  private final DeadlineRecords records;
  private final UnitDirectory units;
  private final DeadlineNotices notices;

  DecisionMail(ItemRepository items, DeadlineRecords records, UnitDirectory units, DeadlineNotices notices) {
    this.items = items;
    this.records = records;
    this.units = units;
    this.notices = notices;
  }

  public void extension(DelegateExecution execution) {
    extension(items.get(execution.getProcessBusinessKey()));
  }

  public void reassignment(DelegateExecution execution) {
    reassignment(items.get(execution.getProcessBusinessKey()));
  }

  /**
   * Whether the task's process version draws this mail as a step: instances started before it was drawn keep
   * their version, and their decision's listener still sends the mail.
   */
  static boolean drawnAfter(DelegateTask task, String step) {
    return task.getBpmnModelInstance().getModelElementById(step) != null;
  }

  void extension(Item item) {
    Request request = records.lastDecided(item.id(), RequestType.EXTENSION);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("申请延至", request.requestedDue());
    if (!request.approved()) {
      facts.put("答复期限（不变）", item.replyDue());
      facts.put("说明", request.decisionComment());
      notices.send(item, Set.of(Role.HANDLER.groupOf(item.leadUnitId())), "【延期未获批准】", "",
          "交办机构不同意本件延期，请按原期限答复。", facts);
      return;
    }
    facts.put("原答复期限", request.currentDue());
    facts.put("延期后答复期限", request.grantedDue());
    if (request.decisionComment() != null) {
      facts.put("说明", request.decisionComment());
    }
    notices.send(item, Set.of(Role.HANDLER.groupOf(item.leadUnitId()), Role.HEAD.groupOf(item.leadUnitId())),
        "【延期已批准】", "", "交办机构同意本件延期，请在新的期限内答复提出人。", facts);
  }

  void reassignment(Item item) {
    Request request = records.lastDecided(item.id(), RequestType.REASSIGNMENT);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("申请单位", units.nameOf(request.unitId()));
    facts.put("申请理由", request.reason());
    if (request.decisionComment() != null) {
      facts.put("说明", request.decisionComment());
    }
    Set<String> requester = Set.of(Role.HANDLER.groupOf(request.unitId()));
    if (request.approved()) {
      notices.send(item, requester, "【调整交办已同意】", "", "交办机构同意调整交办，本件将重新交办，原办理任务已撤销。", facts);
    } else {
      notices.send(item, requester, "【调整交办未同意】", "", "交办机构不同意调整交办，请继续办理。", facts);
    }
  }
}
