package org.proposalhandling.handling;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemLifecycle;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 会签: the co-handling units agree to the lead unit's reviewed draft, or return it with a comment, before the
 * official signs it. Each time the draft goes to them is a pass with one row per unit, open until the unit
 * answers or its deadline passes (silence counts as agreement). The process asks it, e.g.
 * {@code ${countersigns.required(execution)}}; what it routes on is in these rows, never in variables.
 */
@Component("countersigns")
@EnableConfigurationProperties(CountersignProperties.class)
public class Countersigns {

  enum Decision {
    AGREED, RETURNED, LAPSED
  }

  /** One unit's countersign in a pass; decision null while it is open. */
  record Countersign(long id, String unitId, LocalDate dueOn, Decision decision, String remark) {
  }

  private final JdbcClient jdbc;
  private final CountersignProperties properties;
  private final ItemRepository items;
  private final ItemLifecycle lifecycle;
  private final UnitDirectory units;
  private final Deadlines deadlines;

  Countersigns(JdbcClient jdbc, CountersignProperties properties, ItemRepository items, ItemLifecycle lifecycle,
               UnitDirectory units, Deadlines deadlines) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.items = items;
    this.lifecycle = lifecycle;
    this.units = units;
    this.deadlines = deadlines;
  }

  /** What 交办 proposes for a new item of this assigning office: the office's rule. */
  public boolean requiredByDefault(String officeId) {
    return properties.enabledFor(officeId);
  }

  /** 交办's choice for this item. */
  public void choose(String itemId, boolean required) {
    jdbc.sql("delete from countersign_choice where item_id = ?").param(itemId).update();
    jdbc.sql("insert into countersign_choice (item_id, required) values (?, ?)").params(itemId, required).update();
  }

  /** Whether the reviewed draft goes to the co-handling units: asked at 交办, and there are some. */
  public boolean required(DelegateExecution execution) {
    String itemId = execution.getProcessBusinessKey();
    boolean chosen = jdbc.sql("select required from countersign_choice where item_id = ?").param(itemId)
        .query(Boolean.class).optional().orElse(false);
    return chosen && !items.coHandlingUnitIds(itemId).isEmpty();
  }

  /** The units asked to countersign: the item's co-handling units. */
  public List<String> units(DelegateExecution execution) {
    return items.coHandlingUnitIds(execution.getProcessBusinessKey());
  }

  /** 送协办会签: a new pass, one open row per unit, due after the configured working days. */
  public void open(DelegateExecution execution) {
    Item item = items.get(execution.getProcessBusinessKey());
    int pass = jdbc.sql("select coalesce(max(pass), 0) + 1 from countersign where item_id = ?").param(item.id())
        .query(Integer.class).single();
    LocalDate due = deadlines.calendar().addWorkingDays(EngineClock.today(), properties.deadlineWorkingDays());
    List<String> unitIds = items.coHandlingUnitIds(item.id());
    for (String unitId : unitIds) {
      jdbc.sql("insert into countersign (item_id, round, pass, unit_id, due_on) values (?, ?, ?, ?, ?)")
          .params(item.id(), item.handlingRound(), pass, unitId, due).update();
    }
    lifecycle.countersignRequested(item.id(), "协办单位：" + String.join("、", unitIds.stream().map(units::nameOf).toList())
        + "；会签期限：" + due);
  }

  /** When the unit of this countersign (the multi-instance's element) is taken to agree by silence. */
  public Date lapsesAt(DelegateExecution execution) {
    return Deadlines.endOf(open(execution.getProcessBusinessKey(), unitOf(execution)).orElseThrow().dueOn());
  }

  /** The deadline passed without an answer: recorded as agreement by silence. */
  public void lapse(DelegateExecution execution) {
    String itemId = execution.getProcessBusinessKey();
    String unitId = unitOf(execution);
    open(itemId, unitId).ifPresent(countersign -> {
      decide(countersign, Decision.LAPSED, null, null, EngineClock.now());
      lifecycle.record(itemId, ItemEventKind.COUNTERSIGN_LAPSED, units.nameOf(unitId));
    });
  }

  /** All units have answered: on to the sign-off, or back to drafting if any returned the draft. */
  public void close(DelegateExecution execution) {
    String itemId = execution.getProcessBusinessKey();
    List<Countersign> pass = latestPass(itemId);
    List<String> returnedBy = pass.stream().filter(countersign -> countersign.decision() == Decision.RETURNED)
        .map(countersign -> units.nameOf(countersign.unitId())).toList();
    lifecycle.countersignEnded(itemId, !returnedBy.isEmpty(), returnedBy.isEmpty() ? null : "退回单位：" + String.join("、", returnedBy));
  }

  Optional<Countersign> open(String itemId, String unitId) {
    return jdbc.sql("""
            select id, unit_id, due_on, decision, remark from countersign
            where item_id = ? and unit_id = ? and decision is null order by pass desc""")
        .params(itemId, unitId).query(Countersign.class).list().stream().findFirst();
  }

  List<Countersign> latestPass(String itemId) {
    return jdbc.sql("""
            select id, unit_id, due_on, decision, remark from countersign
            where item_id = ? and pass = (select max(pass) from countersign where item_id = ?) order by id""")
        .params(itemId, itemId).query(Countersign.class).list();
  }

  /** Records the unit's answer; an answer already given (the deadline's, a concurrent one) is not overwritten. */
  void decide(Countersign countersign, Decision decision, String remark, String userId, Instant at) {
    int updated = jdbc.sql("""
            update countersign set decision = ?, remark = ?, decided_by = ?, decided_at = ?
            where id = ? and decision is null""")
        .params(decision.name(), remark, userId, Timestamp.from(at), countersign.id()).update();
    if (updated == 0) {
      throw new IllegalStateException("Countersign " + countersign.id() + " was answered already");
    }
  }

  private static String unitOf(DelegateExecution execution) {
    return (String) execution.getVariable("coUnit");
  }
}
