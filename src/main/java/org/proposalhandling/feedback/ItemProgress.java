package org.proposalhandling.feedback;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.springframework.stereotype.Component;

/**
 * Where an item stands, as the proposer may see it: the units, the current steps and the deadline. Nothing
 * internal: no review or sign-off comments, no drafts, no names of staff.
 */
@Component
class ItemProgress {

  record View(String status, List<String> currentSteps, String leadUnit, List<String> coHandlingUnits, LocalDate replyDue) {
  }

  private final ItemRepository items;
  private final UnitDirectory units;
  private final TaskService tasks;

  ItemProgress(ItemRepository items, UnitDirectory units, TaskService tasks) {
    this.items = items;
    this.units = units;
    this.tasks = tasks;
  }

  View of(Item item) {
    List<String> steps = tasks.createTaskQuery().processInstanceBusinessKey(item.id()).list().stream()
        .map(Task::getName)
        .map(name -> name.contains("｜") ? name.substring(0, name.indexOf('｜')) : name)
        .distinct().toList();
    return new View(item.status().label(item.handlingRound()), steps, units.nameOf(item.leadUnitId()),
        items.coHandlingUnitIds(item.id()).stream().map(units::nameOf).toList(), item.replyDue());
  }
}
