package org.proposalhandling.support;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.proposalhandling.mail.MailOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives items through the process the way the forms do, step by step, as the system (no user), so that
 * process tests read as the story of an item. Jobs run only when a test asks.
 */
public class ItemDriver {

  private final ProcessEngine engine;
  private final MailOutbox outbox;

  public ItemDriver(ProcessEngine engine, MailOutbox outbox) {
    this.engine = engine;
    this.outbox = outbox;
  }

  public static Map<String, Object> intake(String number) {
    Map<String, Object> form = new HashMap<>();
    form.put("sessionName", "省政协十三届一次会议");
    form.put("number", number);
    form.put("kind", "MEMBER_PROPOSAL");
    form.put("title", "关于加强社区养老服务的建议");
    form.put("content", "建议在每个社区设立养老服务站点。");
    form.put("proposerName", "张三");
    form.put("proposerEmail", "zhangsan@demo.local");
    form.put("publicationConsent", "yes");
    form.put("assigningOffice", "jl-gov");
    return form;
  }

  /** Starts the process and runs the job after its start event, as the job executor would at once. */
  public ProcessInstance register(Map<String, Object> form) {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("proposal-handling", form);
    executeJobs(instance);
    return instance;
  }

  /** Starts the process and leaves the job after its start event to a running job executor. */
  public ProcessInstance startLeavingJobs(Map<String, Object> form) {
    return engine.getRuntimeService().startProcessInstanceByKey("proposal-handling", form);
  }

  /** Waits until the job executor has brought the instance to this task. */
  public void awaitTask(ProcessInstance instance, String taskKey, java.time.Duration patience) {
    long until = System.nanoTime() + patience.toNanos();
    while (engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).count() == 0) {
      if (System.nanoTime() > until) {
        throw new AssertionError("No " + taskKey + " after " + patience);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  public ProcessInstance register(String number) {
    return register(intake(number));
  }

  public Task task(ProcessInstance instance, String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).list();
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one " + taskKey + " task but found " + tasks.size());
    }
    return tasks.get(0);
  }

  public void complete(ProcessInstance instance, String taskKey, Map<String, Object> form) {
    engine.getFormService().submitTaskForm(task(instance, taskKey).getId(), form);
  }

  /** Runs the item's jobs, and the sending of its reply to the proposer, which it waits for to be 已答复. */
  public void executeJobs(ProcessInstance instance) {
    do {
      executeJobsLeavingMail(instance);
    } while (sendReplyMails(instance));
  }

  /** Runs the item's jobs until none is due, its mails left in the outbox. */
  public void executeJobsLeavingMail(ProcessInstance instance) {
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** Sends the item's reply mails that are due, as the app's mail threads would (the SMTP server must be there). */
  public boolean sendReplyMails(ProcessInstance instance) {
    return unsentReplyMails(instance).stream().map(outbox::sendIfDue).toList().contains(true);
  }

  /** The item's reply mails not sent yet, each the business key of its mail-dispatch instance. */
  public List<String> unsentReplyMails(ProcessInstance instance) {
    JdbcClient jdbc = JdbcClient.create(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
    return jdbc.sql("select id from mail_message where subject_id = ? and purpose = 'reply' and sent_at is null")
        .param(instance.getBusinessKey()).query(String.class).list();
  }

  public void accept(ProcessInstance instance) {
    complete(instance, "Task_AcceptanceReview", Map.of("decision", "accept"));
  }

  public void assign(ProcessInstance instance, String leadUnit, String... coUnits) {
    complete(instance, "Task_Assignment", Map.of("leadUnit", leadUnit,
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(Arrays.asList(coUnits))).create(), "keyItem", false));
  }

  /** 交办 asking the co-handling units to countersign the reviewed draft (会签). */
  public void assignWithCountersign(ProcessInstance instance, String leadUnit, String... coUnits) {
    complete(instance, "Task_Assignment", Map.of("leadUnit", leadUnit,
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(Arrays.asList(coUnits))).create(), "keyItem", false,
        "countersign", true));
  }

  /** The co-handling unit's 会签 task in this item. */
  public Task countersignTask(ProcessInstance instance, String coUnit) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_Countersign").taskCandidateGroup(coUnit + "-handler").singleResult();
  }

  /** The unit agrees to the draft (agree) or returns it with the comment; the answer's own job is run here. */
  public void countersign(ProcessInstance instance, String coUnit, boolean agree, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("decision", agree ? "agree" : "return");
    form.put("comment", comment);
    engine.getFormService().submitTaskForm(countersignTask(instance, coUnit).getId(), form);
    executeJobs(instance);
  }

  public void recordContact(ProcessInstance instance) {
    complete(instance, "Task_ContactRecord", Map.of("contactedOn", "2023-03-01", "contactMeans", "PHONE",
        "contactSummary", "电话联系提出人，听取意见。"));
  }

  public void giveOpinion(ProcessInstance instance, String coUnit, String opinion) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_CoHandlingOpinion").taskCandidateGroup(coUnit + "-handler").singleResult();
    engine.getFormService().submitTaskForm(task.getId(), Map.of("opinion", opinion));
  }

  /** Each co-handling unit's opinion and the contact in, the draft written and approved by the reviewer. */
  public void opinionsToReview(ProcessInstance instance, Map<String, String> opinionsByUnit, String draft) {
    opinionsByUnit.forEach((unit, opinion) -> giveOpinion(instance, unit, opinion));
    recordContact(instance);
    executeJobs(instance);
    draft(instance, draft);
    review(instance, true, null);
  }

  public void draft(ProcessInstance instance, String text) {
    complete(instance, "Task_DraftReply", Map.of("replyText", text, "category", "B", "disclosure", "PUBLIC",
        "handlerName", "李静", "handlerPhone", "0431-88900001"));
  }

  /** Reviews the draft; an approval's next step, the sign-off mail, runs as its own job, run here. */
  public void review(ProcessInstance instance, boolean approve, String comment) {
    complete(instance, "Task_ReviewReply", decision(approve, comment));
    executeJobs(instance);
  }

  public void signOff(ProcessInstance instance, boolean approve, String comment) {
    complete(instance, "Task_SignOff", decision(approve, comment));
  }

  /** Records the proposer's answer; what follows it (closing, re-handling) runs as its own job, run here. */
  public void feedback(ProcessInstance instance, String satisfaction, String comments) {
    complete(instance, "Task_Feedback", Map.of("satisfaction", satisfaction, "contactRating", "GOOD",
        "attitudeRating", "GOOD", "feedbackComments", comments));
    executeJobs(instance);
  }

  /** From registration to drafting, with the lead unit alone. */
  public ProcessInstance atDrafting(String number, String leadUnit) {
    return atDrafting(intake(number), leadUnit);
  }

  public ProcessInstance atDrafting(Map<String, Object> form, String leadUnit) {
    return toDrafting(register(form), leadUnit);
  }

  /** From 立案审查 of a registered item to drafting, with the lead unit alone. */
  public ProcessInstance toDrafting(ProcessInstance instance, String leadUnit) {
    accept(instance);
    assign(instance, leadUnit);
    recordContact(instance);
    executeJobs(instance);
    return instance;
  }

  /** From registration to the feedback task, with the lead unit alone. */
  public ProcessInstance replied(String number) {
    return replied(intake(number));
  }

  /** From registering this intake form to the feedback task, with the lead unit alone. */
  public ProcessInstance replied(Map<String, Object> form) {
    return signedOff(atDrafting(form, "jl-mz"));
  }

  /** From drafting: the reply drafted (category B), approved and signed, and the jobs after it run (numbering, delivery). */
  public ProcessInstance signedOff(ProcessInstance instance) {
    draft(instance, "答复正文");
    review(instance, true, null);
    signOff(instance, true, null);
    executeJobs(instance);
    return instance;
  }

  /** Through a first reply the proposer finds 不满意, for this reason, to the second round's drafting. */
  public ProcessInstance rehandling(String number, String reason) {
    ProcessInstance instance = replied(number);
    feedback(instance, "UNSATISFIED", reason);
    recordContact(instance);
    executeJobs(instance);
    return instance;
  }

  private static Map<String, Object> decision(boolean approve, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("decision", approve ? "approve" : "return");
    form.put("comment", comment);
    return form;
  }
}
