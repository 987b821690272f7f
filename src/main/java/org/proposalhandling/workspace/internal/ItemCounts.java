package org.proposalhandling.workspace.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The items of a scope that ask for attention, each count one statement, with the ledger's visibility rule
 * and the conditions of the ledger filter its link opens (dueWithin, overdue, key, stage), so that the count and
 * the list behind it are the same items.
 */
@Repository
class ItemCounts {

  /** Working days ahead in which a due date shows yellow on the home page (the ledger's dueWithin filter). */
  static final int DUE_SOON_WORKING_DAYS = 5;

  /** Stages in which the reply is still owed (the ledger's). */
  private static final List<String> OWING = ItemStatus.owingReply().stream().map(Enum::name).toList();
  private static final List<String> FINISHED = names(ItemStatus.finished().toArray(ItemStatus[]::new));
  /** Before assignment, and after an approved reassignment, no unit holds the item (the ledger's). */
  private static final List<String> UNASSIGNED = names(ItemStatus.REGISTERED, ItemStatus.REJECTED, ItemStatus.ACCEPTED);

  /** One count: its label, the ledger's query string that lists its items, how many, and its colour. */
  record Count(String label, String ledgerQuery, long count, String mark) {
  }

  private final JdbcClient jdbc;
  private final Deadlines deadlines;

  ItemCounts(JdbcClient jdbc, Deadlines deadlines) {
    this.jdbc = jdbc;
    this.deadlines = deadlines;
  }

  /**
   * In progress, due soon, overdue, 督办: for every user who reads items. In progress counts items, where
   * Tasklist's 全部在办任务 counts their tasks (an item with co-handling units has several at once).
   */
  List<Count> deadlines(WorkspaceScope scope) {
    LocalDate today = EngineClock.today();
    LocalDate dueBy = deadlines.calendar().addWorkingDays(today, DUE_SOON_WORKING_DAYS);
    return List.of(
        new Count("在办办件", "state=open", count(scope, "i.status not in (:finished)", Map.of("finished", FINISHED)), null),
        new Count(DUE_SOON_WORKING_DAYS + " 个工作日内到期", "dueWithin=" + DUE_SOON_WORKING_DAYS,
            count(scope, "i.status in (:owing) and i.reply_due >= :today and i.reply_due <= :dueBy",
                Map.of("owing", OWING, "today", today, "dueBy", dueBy)), "yellow"),
        new Count("已超期", "overdue=true",
            count(scope, "i.status in (:owing) and i.reply_due < :today", Map.of("owing", OWING, "today", today)), "red"),
        new Count("重点督办（在办）", "key=true&state=open",
            count(scope, "i.key_item = true and i.status not in (:finished)", Map.of("finished", FINISHED)), null));
  }

  /** Replies waiting for the proposer's feedback and replies that could not be delivered: the office's. */
  List<Count> afterReply(WorkspaceScope scope) {
    return List.of(stage(scope, ItemStatus.REPLIED, "已答复、等待反馈"), stage(scope, ItemStatus.DELIVERY_FAILED, "送达失败"));
  }

  private Count stage(WorkspaceScope scope, ItemStatus status, String label) {
    return new Count(label, "stage=" + status.name(), count(scope, "i.status = :stage", Map.of("stage", status.name())),
        status == ItemStatus.DELIVERY_FAILED ? "red" : null);
  }

  private long count(WorkspaceScope scope, String condition, Map<String, Object> params) {
    Map<String, Object> all = new LinkedHashMap<>(params);
    List<String> visibility = new ArrayList<>();
    if (!scope.officeIds().isEmpty()) {
      visibility.add("i.assigning_office_id in (:offices)");
      all.put("offices", List.copyOf(scope.officeIds()));
    }
    if (!scope.unitIds().isEmpty()) {
      visibility.add("(i.status not in (:unassigned) and (i.lead_unit_id in (:units) or exists (select 1 from item_co_unit s"
          + " where s.item_id = i.id and s.unit_id in (:units))))");
      all.put("unassigned", UNASSIGNED);
      all.put("units", List.copyOf(scope.unitIds()));
    }
    if (visibility.isEmpty()) {
      return 0;
    }
    return jdbc.sql("select count(*) from item i where (" + String.join(" or ", visibility) + ") and " + condition)
        .params(all).query(Long.class).single();
  }

  private static List<String> names(ItemStatus... statuses) {
    return Stream.of(statuses).map(Enum::name).toList();
  }
}
