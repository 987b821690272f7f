package org.proposalhandling.handling;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormTaskListener;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/** 会办意见: a co-handling unit's written opinion, sent to the lead unit (never to the proposer). */
@Component("coHandlingOpinionForm")
class CoHandlingOpinionForm extends FormTaskListener {

  private final UnitDirectory units;
  private final HandlingRecords records;

  CoHandlingOpinionForm(ItemRepository items, UnitDirectory units, HandlingRecords records) {
    super(items);
    this.units = units;
    this.records = records;
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
    records.saveOpinion(item.id(), coUnit(task), item.handlingRound(), form.requiredText("opinion", "会办意见"),
        currentUser(task), EngineClock.now());
  }

  private static String coUnit(DelegateTask task) {
    return (String) task.getVariable("coUnit");
  }
}
