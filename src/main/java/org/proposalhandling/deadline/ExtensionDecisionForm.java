package org.proposalhandling.deadline;

import static org.proposalhandling.deadline.DeadlineRequests.format;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.deadline.DeadlineRecords.Request;
import org.proposalhandling.deadline.DeadlineRecords.RequestType;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.SystemActions;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 延期审批: the assigning office grants the lead unit's request, to a date no later than the maximum from
 * assignment, or refuses it with a reason. A grant moves the reply's due date everywhere: on the item, on
 * the lead unit's open tasks, and on the yellow and red timers, which the engine recalculates from their
 * expressions. The lead unit is told either way by the step that follows ({@link DecisionMail}).
 */
@Component("extensionDecisionForm")
class ExtensionDecisionForm extends ItemFormListener {

  /** The timers on the handling sub-process that count from the reply's due date. */
  static final List<String> REPLY_TIMERS = List.of("Timer_YellowWarning", "Timer_Overdue");
  /** The lead unit's tasks whose due date is the reply's. */
  static final List<String> REPLY_TASKS = List.of("Task_ContactRecord", "Task_DraftReply", "Task_ReviewReply", "Task_SignOff");

  private final DeadlineRecords records;
  private final Deadlines deadlines;
  private final UnitDirectory units;
  private final DecisionMail mail;
  private final SystemActions system;
  private final ManagementService management;
  private final TaskService taskService;

  ExtensionDecisionForm(ItemRepository items, DeadlineRecords records, Deadlines deadlines, UnitDirectory units,
                        DecisionMail mail, SystemActions system, ManagementService management, TaskService taskService) {
    super(items);
    this.records = records;
    this.deadlines = deadlines;
    this.units = units;
    this.mail = mail;
    this.system = system;
    this.management = management;
    this.taskService = taskService;
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    Request request = request(item);
    task.setDueDate(Deadlines.endOf(item.replyDue()));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("leadUnitName", units.nameOf(item.leadUnitId()));
    fields.put("assignedOnText", format(item.assignedOn()));
    fields.put("currentDueText", format(item.replyDue()));
    fields.put("requestedDueText", format(request.requestedDue()));
    fields.put("latestDueText", format(deadlines.latestExtendedDue(item)) + "（交办之日起 "
        + deadlines.maxExtensionMonths(item.kind()) + " 个月）");
    fields.put("extensionReason", request.reason());
    fields.put("decision", "");
    fields.put("grantedDue", request.requestedDue().toString());
    fields.put("decisionComment", "");
    show(task, fields);
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    Request request = request(item);
    boolean approved = "approve".equals(form.requiredChoice("decision", "审批意见", List.of("approve", "refuse")));
    String comment = form.optionalText("decisionComment", "说明", 2000);
    if (!approved) {
      if (comment == null) {
        throw new FormValidationException("不同意延期时须填写说明。");
      }
      records.decide(request.id(), false, null, comment, currentUser(task), EngineClock.now());
      lifecycle().record(item.id(), ItemEventKind.EXTENSION_REFUSED, comment);
      mailUnlessDrawn(task, item);
      return;
    }
    LocalDate granted = deadlines.calendar().nextWorkingDayFrom(form.requiredDate("grantedDue", "延期至"));
    if (!granted.isAfter(item.replyDue())) {
      throw new FormValidationException("「延期至」须晚于现答复期限 " + format(item.replyDue()) + "。");
    }
    LocalDate latest = deadlines.latestExtendedDue(item);
    if (granted.isAfter(latest)) {
      throw new FormValidationException("「延期至」不得晚于交办之日起 " + deadlines.maxExtensionMonths(item.kind())
          + " 个月，即 " + format(latest) + "。");
    }
    records.decide(request.id(), true, granted, comment, currentUser(task), EngineClock.now());
    lifecycle().extend(item.id(), granted, "答复期限由 " + item.replyDue() + " 延至 " + granted + (comment == null ? "" : "：" + comment));
    moveReplyDeadlines(task.getProcessInstanceId(), granted);
    mailUnlessDrawn(task, item);
  }

  private void mailUnlessDrawn(DelegateTask task, Item item) {
    if (!DecisionMail.drawnAfter(task, DecisionMail.EXTENSION_STEP)) {
      mail.extension(item);
    }
  }

  /**
   * The timers re-evaluate their expressions, which read the item's new due date; a yellow warning already
   * given stays given (a non-interrupting timer fires once), the red one moves as long as it has not fired.
   */
  private void moveReplyDeadlines(String processInstanceId, LocalDate replyDue) {
    system.run(() -> {
      for (String timer : REPLY_TIMERS) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).timers().list()) {
          management.recalculateJobDuedate(job.getId(), false);
        }
      }
      for (Task open : taskService.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKeyIn(REPLY_TASKS.toArray(String[]::new)).list()) {
        open.setDueDate(Deadlines.endOf(replyDue));
        taskService.saveTask(open);
      }
      return null;
    });
  }

  private Request request(Item item) {
    return records.openRequest(item.id(), RequestType.EXTENSION)
        .orElseThrow(() -> new IllegalStateException("No open extension request for item " + item.id()));
  }
}
