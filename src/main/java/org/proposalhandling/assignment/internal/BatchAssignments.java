package org.proposalhandling.assignment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.proposalhandling.assignment.internal.AssignmentStore.BatchRecord;
import org.proposalhandling.assignment.internal.AssignmentStore.ItemState;
import org.proposalhandling.assignment.internal.AssignmentStore.Planned;
import org.proposalhandling.assignment.internal.AssignmentStore.State;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.intakeimport.Clerk;
import org.proposalhandling.intakeimport.ImportError;
import org.proposalhandling.intakeimport.ImportRejectedException;
import org.proposalhandling.intakeimport.IntakeImports;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 批量交办: the assigning office assigns many items at once (an imported batch, or items picked from the
 * ledger) to their suggested lead and co-handling units. The plan is shown first: what goes where, and which
 * items have no valid suggestion and are left to assign by hand. Confirmed, it runs in the background, each
 * item through its own 立案审查 and 交办 tasks (see {@link AssignmentRunner}).
 */
@Service
class BatchAssignments {

  record PlannedItem(int seq, String itemId, String reference, String title, String leadUnit, List<String> coUnits,
                     ItemState state, String message) {
  }

  record Plan(BatchRecord batch, List<PlannedItem> items, Map<String, Integer> byLeadUnit) {
  }

  record Progress(String id, State state, String stateLabel, int total, int done, int failed, int pending, int manual,
                  int skipped, List<PlannedItem> failures) {
  }

  private final AssignmentStore store;
  private final IntakeImports imports;
  private final ItemRepository items;
  private final UnitDirectory units;
  private final AssignmentRunner runner;

  BatchAssignments(AssignmentStore store, IntakeImports imports, ItemRepository items, UnitDirectory units,
                   AssignmentRunner runner) {
    this.store = store;
    this.imports = imports;
    this.items = items;
    this.units = units;
    this.runner = runner;
  }

  /** The plan for the items an import registered; the import must have finished. */
  @Transactional
  BatchRecord planImport(Clerk clerk, String importId) {
    if (!imports.finished(clerk, importId)) {
      throw new ImportRejectedException(new ImportError(0, null, "导入尚未完成，完成后才能批量交办。"));
    }
    return plan(clerk, importId, imports.itemIds(clerk, importId));
  }

  /** The plan for these items (ids), e.g. picked from the ledger; each must be one of the office's. */
  @Transactional
  BatchRecord planItems(Clerk clerk, List<String> itemIds) {
    if (itemIds == null || itemIds.isEmpty()) {
      throw new ImportRejectedException(new ImportError(0, null, "请选择要交办的建议提案。"));
    }
    return plan(clerk, null, itemIds);
  }

  private BatchRecord plan(Clerk clerk, String importId, List<String> itemIds) {
    List<ImportError> errors = new ArrayList<>();
    List<Planned> planned = new ArrayList<>();
    for (String itemId : itemIds.stream().distinct().toList()) {
      Optional<Item> item = items.find(itemId).filter(found -> found.assigningOfficeId().equals(clerk.office().id()));
      if (item.isEmpty()) {
        errors.add(new ImportError(0, null, "没有找到本机构登记的建议提案“" + itemId + "”。"));
      } else {
        planned.add(plan(planned.size() + 1, item.get(), clerk.office()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ImportRejectedException(errors);
    }
    BatchRecord record = new BatchRecord(UUID.randomUUID().toString(), clerk.office().id(), importId, State.PREVIEW,
        clerk.userId(), EngineClock.now(), null, null);
    store.create(record, planned);
    return record;
  }

  private Planned plan(int seq, Item item, Unit office) {
    if (item.status() != ItemStatus.REGISTERED && item.status() != ItemStatus.ACCEPTED) {
      return new Planned(seq, item.id(), null, List.of(), ItemState.SKIPPED,
          "当前为“" + item.status().label(item.handlingRound()) + "”，不在本批交办之列。");
    }
    String lead = item.proposedLeadUnitId();
    if (lead == null) {
      return new Planned(seq, item.id(), null, List.of(), ItemState.MANUAL, "未建议主办单位，请人工交办。");
    }
    if (!units.inJurisdiction(office.id(), lead)) {
      return new Planned(seq, item.id(), null, List.of(), ItemState.MANUAL,
          "建议主办单位“" + units.nameOf(lead) + "”不在" + office.name() + "的交办范围内，请人工交办。");
    }
    List<String> co = imports.suggestedCoUnits(item.id()).stream()
        .filter(unitId -> !unitId.equals(lead) && units.inJurisdiction(office.id(), unitId)).toList();
    return new Planned(seq, item.id(), lead, co, ItemState.PENDING, null);
  }

  @Transactional
  void start(Clerk clerk, String id) {
    find(clerk, id);
    if (!store.start(id)) {
      throw new ImportRejectedException(new ImportError(0, null, "此批交办已经开始，不能再次确认。"));
    }
    runner.submitAfterCommit(id);
  }

  Plan plan(Clerk clerk, String id) {
    BatchRecord batch = find(clerk, id);
    List<PlannedItem> planned = store.items(id).stream().map(this::shown).toList();
    Map<String, Integer> byLead = new TreeMap<>();
    planned.stream().filter(item -> item.leadUnit() != null).forEach(item -> byLead.merge(item.leadUnit(), 1, Integer::sum));
    Map<String, Integer> sorted = new LinkedHashMap<>();
    byLead.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return new Plan(batch, planned, sorted);
  }

  Progress progress(Clerk clerk, String id) {
    BatchRecord batch = find(clerk, id);
    AssignmentStore.Counts counts = store.counts(id);
    List<PlannedItem> failures = store.inState(id, ItemState.FAILED).stream().map(this::shown).toList();
    String label = switch (batch.state()) {
      case PREVIEW -> "待确认";
      case RUNNING -> "交办中";
      case DONE -> counts.failed() == 0 ? "已完成" : "已完成（" + counts.failed() + " 件未能交办）";
    };
    return new Progress(id, batch.state(), label, counts.total(), counts.done(), counts.failed(), counts.pending(),
        counts.manual(), counts.skipped(), failures);
  }

  private BatchRecord find(Clerk clerk, String id) {
    return store.find(id).filter(batch -> batch.officeId().equals(clerk.office().id()))
        .orElseThrow(() -> new NoSuchElementException("没有找到此批交办。"));
  }

  private PlannedItem shown(Planned planned) {
    Item item = items.get(planned.itemId());
    return new PlannedItem(planned.seq(), item.id(), item.reference(), item.title(),
        planned.leadUnitId() == null ? null : units.nameOf(planned.leadUnitId()),
        planned.coUnitIds().stream().map(units::nameOf).toList(), planned.state(), planned.message());
  }
}
