package org.proposalhandling.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.proposalhandling.directory.Role;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.platform.Seeds;
import org.proposalhandling.workflow.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the four items of seeds/demo/items.yaml, each driven through the process by the demo users up to
 * its stage, so that every demo user has work on first login. An item already loaded is left alone, and
 * each item loads in one transaction: a failure leaves nothing half-loaded.
 */
@Component
@Profile("demo")
@Order(3)
class DemoItems implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoItems.class);
  private static final String PROCESS_KEY = "proposal-handling";

  enum Stage { CO_HANDLING, DRAFTING, SIGN_OFF, FEEDBACK }

  record DemoItem(String sessionName, String number, String kind, String title, String content,
                  String proposerName, String proposerEmail, String proposerPhone, boolean publicationConsent,
                  LocalDate filedOn, String office, String leadUnit, List<String> coHandlingUnits, boolean keyItem,
                  String reply, String category, String disclosure, String handlerName, String handlerPhone,
                  String documentNumber, String contactSummary, Map<String, String> coHandlingOpinions, Stage stage) {
  }

  record ItemSeeds(List<DemoItem> items) {
  }

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  DemoItems(ItemRepository items, ReplyRepository replies, RuntimeService runtime, TaskService tasks, FormService forms,
            ManagementService management, IdentityService identity, TransactionTemplate transaction) {
    this.items = items;
    this.replies = replies;
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.management = management;
    this.identity = identity;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoItem seed : Seeds.yaml("demo/items.yaml", ItemSeeds.class).items()) {
      if (items.findBySessionAndNumber(seed.sessionName(), seed.number()).isEmpty()) {
        transaction.executeWithoutResult(status -> load(seed));
        LOG.info("演示办件已加载：{}第{}号，停在 {}", seed.sessionName(), seed.number(), seed.stage());
      }
    }
  }

  private void load(DemoItem seed) {
    String clerk = Role.CLERK.groupOf(seed.office());
    ProcessInstance instance = as(clerk, () -> runtime.startProcessInstanceByKey(PROCESS_KEY, intake(seed)));
    String id = instance.getBusinessKey();
    runJobs(instance);
    complete(id, "Task_AcceptanceReview", clerk, Map.of("decision", "accept"));
    complete(id, "Task_Assignment", clerk, Map.of(
        "leadUnit", seed.leadUnit(),
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(seed.coHandlingUnits())).create(),
        "keyItem", seed.keyItem()));
    String handler = Role.HANDLER.groupOf(seed.leadUnit());
    if (seed.stage() == Stage.CO_HANDLING) {
      return;
    }
    complete(id, "Task_ContactRecord", handler, Map.of(
        "contactedOn", EngineClock.today().toString(), "contactMeans", "PHONE", "contactSummary", seed.contactSummary()));
    for (String unit : seed.coHandlingUnits()) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup(Role.HANDLER.groupOf(unit)).singleResult();
      as(Role.HANDLER.groupOf(unit), () -> {
        forms.submitTaskForm(task.getId(), Map.of("opinion", seed.coHandlingOpinions().get(unit)));
        return null;
      });
    }
    runJobs(instance);
    if (seed.stage() == Stage.DRAFTING) {
      return;
    }
    complete(id, "Task_DraftReply", handler, Map.of(
        "replyText", Seeds.text("demo/" + seed.reply()), "category", seed.category(), "disclosure", seed.disclosure(),
        "handlerName", seed.handlerName(), "handlerPhone", seed.handlerPhone()));
    complete(id, "Task_ReviewReply", Role.HEAD.groupOf(seed.leadUnit()), Map.of("decision", "approve"));
    runJobs(instance);
    if (seed.stage() == Stage.SIGN_OFF) {
      return;
    }
    // The reply was numbered outside the system: keep its real number.
    replies.setDocumentNumber(id, 1, seed.documentNumber());
    complete(id, "Task_SignOff", Role.OFFICIAL.groupOf(seed.leadUnit()), Map.of("decision", "approve"));
    runJobs(instance);
  }

  private Map<String, Object> intake(DemoItem seed) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("sessionName", seed.sessionName());
    variables.put("number", seed.number());
    variables.put("kind", seed.kind());
    variables.put("title", seed.title());
    variables.put("content", seed.content());
    variables.put("proposerName", seed.proposerName());
    variables.put("proposerEmail", seed.proposerEmail());
    variables.put("proposerPhone", seed.proposerPhone());
    variables.put("publicationConsent", seed.publicationConsent() ? "yes" : "no");
    variables.put("filedOn", seed.filedOn() == null ? null : seed.filedOn().toString());
    return variables;
  }

  private void complete(String itemId, String taskKey, String group, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(itemId).taskDefinitionKey(taskKey).singleResult();
    as(group, () -> {
      forms.submitTaskForm(task.getId(), variables);
      return null;
    });
  }

  /** The asynchronous steps (after the start, the join, the sign-off mail, numbering, delivery) run here, before the job executor starts. */
  private void runJobs(ProcessInstance instance) {
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Acts as the first demo user of the group, so that the records name a real person. */
  private <T> T as(String groupId, java.util.function.Supplier<T> action) {
    User user = identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, 1).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No demo user in group " + groupId));
    List<String> groups = identity.createGroupQuery().groupMember(user.getId()).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user.getId(), groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
