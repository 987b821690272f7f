package org.proposalhandling.handling;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.directory.Role;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemFormListener;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/** 会办意见: a co-handling unit's written opinion, sent to the lead unit (never to the proposer). */
@Component("coHandlingOpinionForm")
class CoHandlingOpinionForm extends ItemFormListener {

  private final UnitDirectory units;
  private final HandlingRecords records;

  CoHandlingOpinionForm(ItemRepository items, UnitDirectory units, HandlingRecords records) {
    super(items);
    this.units = units;
    this.records = records;
  }

  @Override
  protected String taskQualifier(DelegateTask task, Item item) {
    return units.nameOf(coUnit(task));
  }

  @Override
  protected void prepare(DelegateTask task, Item item) {
    show(task, Map.of(
        "leadUnitName", units.nameOf(item.leadUnitId()),
        "coUnitName", units.nameOf(coUnit(task)),
        "opinion", ""));
  }

  @Override
  protected void complete(DelegateTask task, Item item, FormValues form) {
    String unit = coUnit(task);
    String opinion = form.requiredText("opinion", "会办意见");
    records.saveOpinion(item.id(), unit, item.handlingRound(), opinion, currentUser(task), EngineClock.now());
    lifecycle().record(item.id(), ItemEventKind.CO_HANDLING_OPINION, units.nameOf(unit) + "：" + opinion);
  }

  /** The co-handling unit of this task: the one whose handlers it was given to, whatever a client submits. */
  static String coUnit(DelegateTask task) {
    return Role.HANDLER.unitAmong(task.getCandidates());
  }
}
