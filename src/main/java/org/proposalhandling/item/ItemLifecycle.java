package org.proposalhandling.item;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.ProcessAccess;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.ItemRepository.Assignment;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one writer of an item's state. Every transition checks the stage before ({@link ItemEventKind} says
 * which stages allow it), appends a row to the item's history (what, when, who and for which unit, which
 * round, a summary) and tells the rest of the app by an application event. Access follows the item: units
 * read it from their assignment on, and nothing of it once they gave it back.
 * Runs in the caller's transaction: a step that fails undoes its transition too.
 */
@Service
public class ItemLifecycle {

  private final ItemRepository items;
  private final ItemHistory history;
  private final UnitDirectory units;
  private final ProcessAccess access;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;

  ItemLifecycle(ItemRepository items, ItemHistory history, UnitDirectory units, ProcessAccess access,
                IdentityService identity, ApplicationEventPublisher events) {
    this.items = items;
    this.history = history;
    this.units = units;
    this.access = access;
    this.identity = identity;
    this.events = events;
  }

  /** 登记: a new item, its process instance started; the office reads it from now on. */
  public void register(Item item) {
    refuseTakenNumber(item);
    items.insert(item);
    access.grantOffice(item.processInstanceId(), item.assigningOfficeId());
    append(item, ItemEventKind.REGISTERED, item.status(), item.reference() + "《" + item.title() + "》，提出人：" + item.proposerName());
    events.publishEvent(new ItemEvents.Registered(item.id()));
  }

  /**
   * 历史导入: an item of an earlier year, already answered, closed as it was: its lead unit, its satisfaction,
   * and (by the caller, in the same transaction) its reply. No process instance: nothing remains to be done.
   */
  public void registerHistory(Item item, String leadUnitId, LocalDate repliedOn, Satisfaction satisfaction) {
    if (item.status() != ItemStatus.HISTORY || item.processInstanceId() != null) {
      throw new IllegalArgumentException("a past item is registered in HISTORY, without a process");
    }
    refuseTakenNumber(item);
    items.insert(item);
    items.assign(item.id(), new Assignment(leadUnitId, List.of(), false, null, null, null));
    if (satisfaction != null) {
      items.setSatisfaction(item.id(), satisfaction);
    }
    append(item, ItemEventKind.HISTORY_IMPORTED, item.status(), item.reference() + "《" + item.title() + "》，主办："
        + units.nameOf(leadUnitId) + "，答复日期：" + repliedOn + (satisfaction == null ? "" : "，" + satisfaction.label()));
  }

  private void refuseTakenNumber(Item item) {
    items.findBySessionAndNumber(item.sessionName(), item.number()).ifPresent(existing -> {
      throw new FormValidationException("「" + item.sessionName() + "」中已登记编号为 " + item.number()
          + " 的建议提案（《" + existing.title() + "》），同一会议的编号不能重复。");
    });
  }

  public void accept(String itemId) {
    transition(itemId, ItemEventKind.ACCEPTED, "予以立案");
  }

  public void reject(String itemId, String reason) {
    transition(itemId, ItemEventKind.REJECTED, "不予立案：" + reason);
    items.setRejectionReason(itemId, reason);
  }

  /** 交办: to units of the office's own jurisdiction only; each unit reads the item from now on. */
  public void assign(String itemId, Assignment assignment) {
    Item item = items.get(itemId);
    List<String> all = new ArrayList<>(assignment.coHandlingUnitIds());
    all.add(0, assignment.leadUnitId());
    for (String unitId : all) {
      if (!units.inJurisdiction(item.assigningOfficeId(), unitId)) {
        throw new FormValidationException("「" + units.nameOf(unitId) + "」不在" + units.nameOf(item.assigningOfficeId())
            + "的交办范围内，不能交办给该单位。");
      }
    }
    transition(item, ItemEventKind.ASSIGNED, "主办：" + units.nameOf(assignment.leadUnitId())
        + (assignment.coHandlingUnitIds().isEmpty() ? "" : "；会办：" + names(assignment.coHandlingUnitIds()))
        + "；答复期限：" + assignment.replyDue() + (assignment.keyItem() ? "；重点督办" : ""));
    items.assign(itemId, assignment);
    all.forEach(unitId -> access.grantUnit(item.processInstanceId(), unitId));
    events.publishEvent(new ItemEvents.Assigned(itemId, assignment.leadUnitId(), assignment.coHandlingUnitIds()));
  }

  /** Something recorded that leaves the stage as it is: an opinion, a contact, a reminder, a request. */
  public void record(String itemId, ItemEventKind kind, String summary) {
    Item item = items.get(itemId);
    if (kind.after(item.status()) != item.status()) {
      throw new IllegalArgumentException(kind + " changes the stage: use its own transition");
    }
    transition(item, kind, summary);
  }

  /** The lead unit starts drafting, once the co-handling opinions and the contact are in (or again, after a return). */
  public void startDrafting(String itemId) {
    Item item = items.get(itemId);
    if (item.status() != ItemStatus.DRAFTING) {
      transition(item, ItemEventKind.DRAFTING_STARTED, null);
    }
  }

  public void submitDraft(String itemId, String summary) {
    transition(itemId, ItemEventKind.DRAFT_SUBMITTED, summary);
  }

  public void reviewed(String itemId, boolean approved, String comment) {
    transition(itemId, approved ? ItemEventKind.REVIEW_APPROVED : ItemEventKind.REVIEW_RETURNED, comment);
  }

  /** 送协办会签: the reviewed draft goes to the co-handling units; 协办未会签 until they all have answered. */
  public void countersignRequested(String itemId, String summary) {
    transition(itemId, ItemEventKind.COUNTERSIGN_REQUESTED, summary);
  }

  /** Every co-handling unit has answered: on to the sign-off, or back to drafting when one of them returned it. */
  public void countersignEnded(String itemId, boolean returned, String summary) {
    transition(itemId, returned ? ItemEventKind.COUNTERSIGN_RETURNED : ItemEventKind.COUNTERSIGN_COMPLETED, summary);
  }

  /** 签发 or 签发退回; a signed reply is told to the rest of the app. */
  public void signedOff(String itemId, boolean approved, String comment) {
    Item item = transition(itemId, approved ? ItemEventKind.SIGNED : ItemEventKind.SIGN_OFF_RETURNED, comment);
    if (approved) {
      events.publishEvent(new ItemEvents.ReplySigned(itemId, item.handlingRound()));
    }
  }

  /** 督办审核: the assigning office reviews the signed, numbered reply before it leaves; 督办未审核 meanwhile. */
  public void officeReviewStarted(String itemId) {
    transition(itemId, ItemEventKind.OFFICE_REVIEW_STARTED, null);
  }

  /** The office's decision: on to delivery, or back to the lead unit's drafting with its comment. */
  public void officeReviewed(String itemId, boolean approved, String comment) {
    transition(itemId, approved ? ItemEventKind.OFFICE_REVIEW_APPROVED : ItemEventKind.OFFICE_REVIEW_RETURNED, comment);
  }

  /** 送达失败: the reply did not leave; the item waits for the office's 重新送达, its feedback clock not started. */
  public void deliveryFailed(String itemId, String reason) {
    transition(itemId, ItemEventKind.DELIVERY_FAILED, reason);
  }

  /** 重新送达: the failed delivery is tried again; the item waits for its reply to leave. */
  public void redelivering(String itemId, String summary) {
    transition(itemId, ItemEventKind.REDELIVERY, summary);
  }

  /** 送达答复: the reply has left (its mail to the proposer was sent, or it goes on paper); 已答复 from now on. */
  public void delivered(String itemId, String summary) {
    Item item = transition(itemId, ItemEventKind.DELIVERED, summary);
    events.publishEvent(new ItemEvents.ReplyDelivered(itemId, item.handlingRound()));
  }

  public void feedbackRecorded(String itemId, Satisfaction satisfaction, String summary) {
    Item item = transition(itemId, ItemEventKind.FEEDBACK_RECORDED,
        satisfaction.label() + (summary == null ? "" : "：" + summary));
    items.setSatisfaction(itemId, satisfaction);
    events.publishEvent(new ItemEvents.FeedbackRecorded(itemId, item.handlingRound(), satisfaction));
  }

  /** 再次办理: a new round with its own deadline, without co-handling. */
  public void startRehandling(String itemId, LocalDate replyDue) {
    Item item = transition(itemId, ItemEventKind.REHANDLING_STARTED, "提出人不满意，再次办理，答复期限：" + replyDue);
    items.startRound(itemId, replyDue);
    events.publishEvent(new ItemEvents.RehandlingStarted(itemId, item.handlingRound() + 1));
  }

  /** 延期: the reply's new due date. */
  public void extend(String itemId, LocalDate replyDue, String summary) {
    record(itemId, ItemEventKind.EXTENSION_GRANTED, summary);
    items.setReplyDue(itemId, replyDue);
  }

  /** 调整交办: the item goes back to the office; the units that had it read nothing of it from now on. */
  public void reassign(String itemId, String summary) {
    Item item = transition(itemId, ItemEventKind.REASSIGNED, summary);
    List<String> former = new ArrayList<>(items.coHandlingUnitIds(itemId));
    former.add(0, item.leadUnitId());
    former.forEach(unitId -> access.revokeUnit(item.processInstanceId(), unitId));
    events.publishEvent(new ItemEvents.Reassigned(itemId, List.copyOf(former)));
  }

  public void close(String itemId) {
    transition(itemId, ItemEventKind.CLOSED, null);
    events.publishEvent(new ItemEvents.Closed(itemId));
  }

  private Item transition(String itemId, ItemEventKind kind, String summary) {
    return transition(items.get(itemId), kind, summary);
  }

  /** Checks the stage, moves it (refused if another transition moved it meanwhile) and appends the history row. */
  private Item transition(Item item, ItemEventKind kind, String summary) {
    if (!kind.allowedIn(item.status())) {
      throw new ItemStateException(item, kind);
    }
    ItemStatus after = kind.after(item.status());
    if (after != item.status() && !items.moveStatus(item.id(), item.status(), after, EngineClock.now())) {
      throw new ItemStateException(items.get(item.id()), kind);
    }
    append(item, kind, after, summary);
    return item;
  }

  private void append(Item item, ItemEventKind kind, ItemStatus after, String summary) {
    Authentication user = identity.getCurrentAuthentication();
    history.append(item.id(), kind, EngineClock.now(), user == null ? null : user.getUserId(), unitOf(user),
        item.handlingRound(), after, summary);
    events.publishEvent(new ItemEvents.Occurred(item.id(), kind, item.handlingRound(), after));
  }

  /** The unit the acting user works for (a user works for one unit); null for the system. */
  private String unitOf(Authentication user) {
    for (Role role : Role.values()) {
      var unit = units.unitsOf(user, role).stream().findFirst();
      if (unit.isPresent()) {
        return unit.get().id();
      }
    }
    return null;
  }

  private String names(List<String> unitIds) {
    return String.join("、", unitIds.stream().map(units::nameOf).toList());
  }
}
