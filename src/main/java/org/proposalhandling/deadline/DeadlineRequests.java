package org.proposalhandling.deadline;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.deadline.DeadlineRecords.RequestType;
import org.proposalhandling.directory.Role;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.SystemActions;
import org.proposalhandling.workflow.TextLength;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.OfficeClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A handling unit's requests about an item's deadlines, checked here before the process hears of them:
 * an extension (延期) asked by the lead unit's handler, and a reassignment (调整交办 / 退回) asked by a
 * handler of the lead unit or of a co-handling unit, only within the window after assignment. A request
 * accepted here is stored and sent to the process as a message, where the assigning office decides it.
 */
@Service
public class DeadlineRequests {

  static final String EXTENSION_MESSAGE = "ExtensionRequested";
  static final String REASSIGNMENT_MESSAGE = "ReassignmentRequested";

  /** The user may not make this request for this item: HTTP 403. */
  public static class NotAllowedException extends RuntimeException {
    NotAllowedException(String message) {
      super(message);
    }
  }

  private final ItemRepository items;
  private final DeadlineRecords records;
  private final Deadlines deadlines;
  private final RuntimeService runtime;
  private final SystemActions system;
  private final ItemLifecycle lifecycle;

  DeadlineRequests(ItemRepository items, DeadlineRecords records, Deadlines deadlines, RuntimeService runtime,
                   SystemActions system, ItemLifecycle lifecycle) {
    this.items = items;
    this.records = records;
    this.deadlines = deadlines;
    this.runtime = runtime;
    this.system = system;
    this.lifecycle = lifecycle;
  }

  /** The lead unit asks for more time, with a reason and the date it asks for. */
  @Transactional
  public void requestExtension(Authentication user, String itemId, String reason, LocalDate requestedDue) {
    Item item = assignedItem(itemId, "延期");
    requireMember(user, Set.of(item.leadUnitId()), "只有主办单位的承办人可以申请延期。");
    if (!item.status().inHandling()) {
      throw new FormValidationException("该件当前不在办理阶段（" + item.status().label(item.handlingRound()) + "），不能申请延期。");
    }
    String why = reason(reason, "延期理由");
    if (requestedDue == null) {
      throw new FormValidationException("请填写「申请延至」的日期。");
    }
    if (!requestedDue.isAfter(item.replyDue())) {
      throw new FormValidationException("「申请延至」须晚于现答复期限 " + format(item.replyDue()) + "。");
    }
    LocalDate latest = deadlines.latestExtendedDue(item);
    if (requestedDue.isAfter(latest)) {
      throw new FormValidationException("延期后的答复期限不得晚于交办之日起 " + deadlines.maxExtensionMonths(item.kind())
          + " 个月，即 " + format(latest) + "。");
    }
    if (records.openRequest(itemId, RequestType.EXTENSION).isPresent()) {
      throw new FormValidationException("该件已有一份延期申请正在等待交办机构审批。");
    }
    records.addRequest(itemId, RequestType.EXTENSION, item.leadUnitId(), why, item.replyDue(), requestedDue,
        user.getUserId(), EngineClock.now());
    lifecycle.record(itemId, ItemEventKind.EXTENSION_REQUESTED, "申请延至 " + requestedDue + "：" + why);
    correlate(EXTENSION_MESSAGE, itemId, "该件当前不在办理阶段，不能申请延期。");
  }

  /** A unit says the item is not its business and asks the assigning office to reassign it. */
  @Transactional
  public void requestReassignment(Authentication user, String itemId, String reason) {
    Item item = assignedItem(itemId, "调整交办");
    Set<String> handlingUnits = new java.util.LinkedHashSet<>();
    handlingUnits.add(item.leadUnitId());
    handlingUnits.addAll(items.coHandlingUnitIds(itemId));
    String unit = requireMember(user, handlingUnits, "只有该件主办单位或会办单位的承办人可以申请调整交办。");
    if (!item.status().inHandling() || item.handlingRound() > 1) {
      throw new FormValidationException("该件当前不在交办后的办理阶段（" + item.status().label(item.handlingRound()) + "），不能申请调整交办。");
    }
    LocalDate windowEnd = deadlines.reassignmentWindowEnd(item);
    if (EngineClock.today().isAfter(windowEnd)) {
      throw new FormValidationException("申请调整交办须在交办后 " + deadlines.reassignmentWorkingDays(item.kind())
          + " 个工作日内提出（本件交办于 " + format(item.assignedOn()) + "，截至 " + format(windowEnd)
          + "）。现已超过期限，申请不予受理，请继续办理；确有特殊情况请与交办机构联系。");
    }
    String why = reason(reason, "申请理由");
    if (records.openRequest(itemId, RequestType.REASSIGNMENT).isPresent()) {
      throw new FormValidationException("该件已有一份调整交办申请正在等待交办机构处理。");
    }
    records.addRequest(itemId, RequestType.REASSIGNMENT, unit, why, item.replyDue(), null, user.getUserId(), EngineClock.now());
    lifecycle.record(itemId, ItemEventKind.REASSIGNMENT_REQUESTED, why);
    correlate(REASSIGNMENT_MESSAGE, itemId, "该件当前不在办理阶段，不能申请调整交办。");
  }

  /** The last day on which the item's units may ask for reassignment, counted from its (latest) assignment. */
  public LocalDate reassignmentWindowEndFor(String itemId) {
    return deadlines.reassignmentWindowEnd(item(itemId));
  }

  private Item item(String itemId) {
    return items.find(itemId).orElseThrow(() -> new FormValidationException("没有编号为 " + itemId + " 的建议提案。"));
  }

  /** Before assignment an item has no handling unit, and nothing to ask about its handling. */
  private Item assignedItem(String itemId, String request) {
    Item item = item(itemId);
    if (item.leadUnitId() == null) {
      throw new FormValidationException("该件尚未交办（" + item.status().label() + "），还没有承办单位，不能申请" + request + "。");
    }
    return item;
  }

  /** The unit among these whose handler the user is; refused when he is none of theirs. */
  private String requireMember(Authentication user, Set<String> unitIds, String refusal) {
    if (user == null || user.getGroupIds() == null) {
      throw new NotAllowedException(refusal);
    }
    return unitIds.stream().filter(unit -> user.getGroupIds().contains(Role.HANDLER.groupOf(unit))).findFirst()
        .orElseThrow(() -> new NotAllowedException(refusal));
  }

  private static String reason(String reason, String label) {
    if (reason == null || reason.isBlank()) {
      throw new FormValidationException("请填写「" + label + "」。");
    }
    return TextLength.atMost(reason.strip(), label, 2000);
  }

  private void correlate(String message, String itemId, String notHandling) {
    try {
      system.run(() -> runtime.createMessageCorrelation(message).processInstanceBusinessKey(itemId).correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new FormValidationException(notHandling);
    }
  }

  static String format(LocalDate date) {
    return date == null ? "" : OfficeClock.DATE.format(date);
  }

}
