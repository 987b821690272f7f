package org.proposalhandling.consultation.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.proposalhandling.workflow.EngineClock;

/** Drives a consultation through its process as the users' actions do, running its jobs explicitly. */
class ConsultationDriver {

  static final String DRAFTER = "jlmz-handler";
  static final List<String> UNITS = List.of("jl-cz", "jl-wjw", "jl-yjj");

  private final ProcessEngine engine;
  private final ConsultationStart start;

  ConsultationDriver(ProcessEngine engine, ConsultationStart start) {
    this.engine = engine;
    this.start = start;
  }

  /** A consultation of 吉林省民政厅 on the three units, its comment tasks created. */
  String started(String title, LocalDate due) {
    String id = start.start(new ConsultationStart.Draft(title, "jl-mz", "第一条 总则。\n第二条 基本养老服务清单。\n第三条 保障措施。",
        UNITS, due, List.of()), DRAFTER);
    executeJobs(id);
    return id;
  }

  List<Task> tasks(String id, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(taskKey).list();
  }

  Task task(String id, String taskKey) {
    List<Task> tasks = tasks(id, taskKey);
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one open " + taskKey + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  /** The comment task of a unit: the one given to its handlers. */
  Task commentTask(String id, String unitId) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_UnitComments")
        .taskCandidateGroup(unitId + "-handler").includeAssignedTasks().singleResult();
  }

  void answer(String id, String unitId, String comments) {
    Map<String, Object> form = comments == null ? Map.of("noComment", true) : Map.of("comments", comments, "noComment", false);
    engine.getFormService().submitTaskForm(commentTask(id, unitId).getId(), form);
  }

  void complete(String id, String taskKey, Map<String, Object> form) {
    engine.getFormService().submitTaskForm(task(id, taskKey).getId(), form);
  }

  /** Runs the consultation's due jobs (timers that are due, asynchronous steps) until none is left. */
  void executeJobs(String id) {
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ConsultationStart.PROCESS).singleResult();
    if (instance == null) {
      return;
    }
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  boolean ended(String id) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
        .processDefinitionKey(ConsultationStart.PROCESS).count() == 0;
  }

  /** Sets the engine's clock to a time in Beijing. */
  static void at(String beijingTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingTime).atZone(EngineClock.zone()).toInstant()));
  }
}
