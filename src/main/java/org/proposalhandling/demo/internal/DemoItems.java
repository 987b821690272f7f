package org.proposalhandling.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.delivery.ReplyMails;
import org.proposalhandling.directory.Role;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.numbering.NumberSeries;
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
 * Loads the items of seeds/demo/items.yaml, each driven through the real process by the demo users, step by
 * step, with the engine clock moved to each step's date: the seed cases on their real dates (with their real
 * document numbers, issued by the numbering step after the unit's series is set to them), and the invented
 * items of the current session on dates relative to today. Between two steps time passes as in production:
 * the timers that fall due in between fire on their own due dates (reminders, red cards; a 督办 task that
 * opens is handled by the office that day, unless the item is to show one waiting). Some items show a state the
 * office must recognise: an extension request waiting for its decision, a delivery that failed because the
 * mail server was down when the reply left (its mail's retries used up). The clock is reset afterwards. An
 * item already loaded is left alone, and each item loads in one transaction: a failure leaves nothing
 * half-loaded.
 */
@Component
@Profile("demo")
@Order(3)
class DemoItems implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoItems.class);
  private static final String PROCESS_KEY = "proposal-handling";
  private static final String DELIVERY = "Task_DeliverReply";
  private static final Pattern DOCUMENT_NUMBER = Pattern.compile("〔(\\d{4})〕(\\d+)号$");
  /** Steps of one day follow each other from 9 o'clock, a minute apart, so that the history keeps their order. */
  private static final LocalTime WORKDAY_START = LocalTime.of(9, 0);

  /** Where an item stops: before this step (CLOSED: through the feedback deadlines to 未反馈 and 办结). */
  enum Stage { ACCEPTANCE_REVIEW, ASSIGNMENT, CO_HANDLING, DRAFTING, REVIEW, SIGN_OFF, FEEDBACK, CLOSED }

  record DemoItem(String sessionName, String number, String kind, String title, String content,
                  String proposerName, String proposerEmail, String proposerPhone, boolean publicationConsent,
                  LocalDate filedOn, String office, String leadUnit, List<String> coHandlingUnits, boolean keyItem,
                  boolean invented, String reply, String replyText, String category, String disclosure,
                  String handlerName, String handlerPhone, String documentNumber, Integer indexSerial,
                  String contactSummary, Map<String, String> coHandlingOpinions, Map<String, String> dates, Stage stage,
                  String extensionReason, boolean awaitingSupervision, boolean deliveryFails) {

    /** The date of a step: an ISO date, or a negative number of days before today; a missing step keeps the last. */
    Optional<LocalDate> date(String step) {
      String value = dates == null ? null : dates.get(step);
      if (value == null) {
        return Optional.empty();
      }
      // The wall clock's today, not EngineClock's: the engine's clock is moved to each step's date while items load.
      return Optional.of(value.strip().matches("-?\\d+") ? LocalDate.now(EngineClock.zone()).plusDays(Long.parseLong(value.strip()))
          : LocalDate.parse(value.strip()));
    }

    boolean reaches(Stage later) {
      return stage.compareTo(later) > 0;
    }

    String replyBody() {
      return replyText != null ? replyText.strip() : Seeds.text("demo/" + reply);
    }
  }

  record ItemSeeds(List<DemoItem> items) {
  }

  private final ItemRepository items;
  private final ReplyRepository replies;
  private final NumberSeries numbers;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final ManagementService management;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final ReplyMails replyMails;
  private final MailOutbox outbox;
  private final DeadlineRequests requests;
  private final ExternalTaskService externalTasks;
  private final GreenMail smtp;

  DemoItems(ItemRepository items, ReplyRepository replies, NumberSeries numbers, RuntimeService runtime,
            TaskService tasks, FormService forms, ManagementService management, IdentityService identity,
            TransactionTemplate transaction, ReplyMails replyMails, MailOutbox outbox, DeadlineRequests requests,
            ExternalTaskService externalTasks, GreenMail smtp) {
    this.items = items;
    this.replies = replies;
    this.numbers = numbers;
    this.runtime = runtime;
    this.tasks = tasks;
    this.forms = forms;
    this.management = management;
    this.identity = identity;
    this.transaction = transaction;
    this.replyMails = replyMails;
    this.outbox = outbox;
    this.requests = requests;
    this.externalTasks = externalTasks;
    this.smtp = smtp;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoItem seed : Seeds.yaml("demo/items.yaml", ItemSeeds.class).items()) {
      if (items.findBySessionAndNumber(seed.sessionName(), seed.number()).isEmpty()) {
        try {
          transaction.executeWithoutResult(status -> new Loading(seed).load());
        } finally {
          ClockUtil.reset();
        }
        LOG.info("演示办件已加载：{}第{}号，停在 {}", seed.sessionName(), seed.number(), seed.stage());
      }
    }
  }

  /** One item's way through the process, keeping the clock at the current step. */
  private final class Loading {

    private final DemoItem seed;
    private Instant clock;
    private ProcessInstance instance;
    private String id;

    Loading(DemoItem seed) {
      this.seed = seed;
    }

    void load() {
      walk();
      if (seed.extensionReason() != null) {
        requestExtension();
      }
      step("until");
    }

    /** The item's steps up to its stage. */
    private void walk() {
      LocalDate registered = seed.date("registered").orElseGet(() -> LocalDate.now(EngineClock.zone()));
      at(registered);
      String clerk = Role.CLERK.groupOf(seed.office());
      instance = as(clerk, () -> runtime.startProcessInstanceByKey(PROCESS_KEY, intake(registered)));
      id = instance.getBusinessKey();
      runDue(false);
      if (!seed.reaches(Stage.ACCEPTANCE_REVIEW)) {
        return;
      }
      complete("Task_AcceptanceReview", clerk, Map.of("decision", "accept"));
      if (!seed.reaches(Stage.ASSIGNMENT)) {
        return;
      }
      step("assigned");
      // The demo's stages are those of the plain path: its items go without 会签 even where the office asks it.
      complete("Task_Assignment", clerk, Map.of(
          "leadUnit", seed.leadUnit(),
          "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(seed.coHandlingUnits())).create(),
          "keyItem", seed.keyItem(), "countersign", false));
      if (!seed.reaches(Stage.CO_HANDLING)) {
        return;
      }
      String handler = Role.HANDLER.groupOf(seed.leadUnit());
      step("contacted");
      complete("Task_ContactRecord", handler, Map.of(
          "contactedOn", EngineClock.today().toString(), "contactMeans", "PHONE", "contactSummary", seed.contactSummary()));
      for (String unit : seed.coHandlingUnits()) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskCandidateGroup(Role.HANDLER.groupOf(unit)).singleResult();
        tick();
        as(Role.HANDLER.groupOf(unit), () -> submit(task, Map.of("opinion", seed.coHandlingOpinions().get(unit))));
        runDue(false);
      }
      if (!seed.reaches(Stage.DRAFTING)) {
        return;
      }
      step("drafted");
      complete("Task_DraftReply", handler, Map.of(
          "replyText", seed.replyBody(), "category", seed.category(), "disclosure", seed.disclosure(),
          "handlerName", seed.handlerName(), "handlerPhone", seed.handlerPhone()));
      if (!seed.reaches(Stage.REVIEW)) {
        return;
      }
      step("reviewed");
      complete("Task_ReviewReply", Role.HEAD.groupOf(seed.leadUnit()), Map.of("decision", "approve"));
      if (!seed.reaches(Stage.SIGN_OFF)) {
        return;
      }
      LocalDate signed = seed.date("signed").orElseThrow();
      advanceTo(signed, false);
      expectDocumentNumber(signed);
      complete("Task_SignOff", Role.OFFICIAL.groupOf(seed.leadUnit()), Map.of("decision", "approve"));
      checkDocumentNumber();
      // Where the office reviews signed replies (督办审核), it passes the demo's as they are.
      if (tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_OfficeReview").count() > 0) {
        complete("Task_OfficeReview", clerk, Map.of("decision", "approve", "category", seed.category()));
      }
      // Signed and numbered; the delivery waits for its own day.
      LocalDate delivered = seed.date("delivered").orElse(signed);
      advanceTo(delivered, true);
      if (seed.indexSerial() != null) {
        numbers.setNext(NumberSeries.Series.INDEX, seed.leadUnit(), delivered.getYear(), seed.indexSerial());
      }
      if (seed.deliveryFails()) {
        failDelivery();
        return;
      }
      runDue(false);
      if (seed.stage() == Stage.CLOSED) {
        // Nobody sends the feedback form back: the reminder and the grace period run out on their own dates.
        advanceTo(delivered.plusYears(1), false);
      }
    }

    /** The lead unit's handler asks the office for a month more: the request waits for the office's decision. */
    private void requestExtension() {
      tick();
      String handler = Role.HANDLER.groupOf(seed.leadUnit());
      requests.requestExtension(authenticationOf(handler), id, seed.extensionReason(), items.get(id).replyDue().plusMonths(1));
      runDue(false);
    }

    /**
     * The reply leaves while the mail server is down: each retry of its mail fails when its wait has passed,
     * until none is left and the item is 送达失败, as the outbox's own threads would leave it.
     */
    private void failDelivery() {
      smtp.stop();
      try {
        runDue(false);
        List<ExternalTask> retrying;
        while (!(retrying = replyMailTasks().stream().filter(task -> task.getRetries() == null || task.getRetries() > 0).toList()).isEmpty()) {
          for (ExternalTask task : retrying) {
            if (task.getLockExpirationTime() != null && !task.getLockExpirationTime().toInstant().isBefore(clock)) {
              clock = task.getLockExpirationTime().toInstant();
            }
            tick();
            outbox.sendIfDue(task.getBusinessKey());
          }
        }
      } finally {
        smtp.start();
      }
    }

    private List<ExternalTask> replyMailTasks() {
      List<String> mails = replyMails.unsentReplies(id);
      return externalTasks.createExternalTaskQuery().topicName(MailOutbox.TOPIC).list().stream()
          .filter(task -> mails.contains(task.getBusinessKey())).toList();
    }

    /** Moves to the step's date, letting what falls due until then happen on its own date. */
    private void step(String name) {
      seed.date(name).ifPresent(date -> advanceTo(date, false));
    }

    /** The real number: the unit's series is set so that the numbering step issues it. */
    private void expectDocumentNumber(LocalDate signed) {
      if (seed.documentNumber() == null) {
        return;
      }
      Matcher number = DOCUMENT_NUMBER.matcher(seed.documentNumber());
      if (!number.find() || Integer.parseInt(number.group(1)) != signed.getYear()) {
        throw new IllegalStateException("Demo item " + seed.number() + ": " + seed.documentNumber() + " is not of " + signed.getYear());
      }
      numbers.setNext(NumberSeries.Series.DOCUMENT, seed.leadUnit(), signed.getYear(), Integer.parseInt(number.group(2)));
    }

    private void checkDocumentNumber() {
      String issued = replies.get(id, 1).documentNumber();
      if (seed.documentNumber() != null && !seed.documentNumber().equals(issued)) {
        throw new IllegalStateException("Demo item " + seed.number() + " was numbered " + issued + ", not " + seed.documentNumber());
      }
    }

    /**
     * Lets time pass until the morning of that day: the item's jobs that fall due before it run in their order,
     * each with the clock at its due date, then what is due that morning. The delivery may be held for later.
     */
    private void advanceTo(LocalDate day, boolean holdDelivery) {
      Instant morning = day.atTime(WORKDAY_START).atZone(EngineClock.zone()).toInstant();
      runDue(morning, holdDelivery);
      if (clock.isBefore(morning)) {
        clock = morning;
        ClockUtil.setCurrentTime(Date.from(clock));
      }
      runDue(clock, holdDelivery);
    }

    /** Runs what is due now: the asynchronous steps that follow the last action. */
    private void runDue(boolean holdDelivery) {
      runDue(clock, holdDelivery);
    }

    /** Runs the jobs due before {@code until}, each at its due date; a 督办 task that opens is handled that day. */
    private void runDue(Instant until, boolean holdDelivery) {
      do {
        Job job;
        while ((job = nextJob(until, holdDelivery)) != null) {
          if (job.getDuedate() != null && job.getDuedate().toInstant().isAfter(clock)) {
            clock = job.getDuedate().toInstant();
          }
          tick();
          management.executeJob(job.getId());
          superviseOpenCards();
        }
      } while (sendReplyMails());
    }

    /** The item's next job due by then (an asynchronous step is due at once), held deliveries left out. */
    private Job nextJob(Instant until, boolean holdDelivery) {
      List<String> held = holdDelivery
          ? management.createJobQuery().processInstanceId(instance.getId()).activityId(DELIVERY).list().stream().map(Job::getId).toList()
          : List.of();
      return management.createJobQuery().processInstanceId(instance.getId()).list().stream()
          .filter(job -> !held.contains(job.getId()))
          .filter(job -> job.getDuedate() == null || !job.getDuedate().toInstant().isAfter(until))
          .min(Comparator.comparing(job -> job.getDuedate() == null ? Instant.MIN : job.getDuedate().toInstant()))
          .orElse(null);
    }

    /**
     * Sends the item's reply mails that are due, as the mail threads would (they start once the app is ready):
     * the item is 已答复 only once its reply has left. Whether one was sent.
     */
    private boolean sendReplyMails() {
      return replyMails.unsentReplies(id).stream().map(outbox::sendIfDue).toList().contains(true);
    }

    /** A red card opened a 督办 task: the office phones the unit that day, unless the item shows one waiting. */
    private void superviseOpenCards() {
      if (seed.awaitingSupervision()) {
        return;
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Supervise").list()) {
        tick();
        as(Role.CLERK.groupOf(seed.office()), () -> submit(task, Map.of(
            "supervisionMeans", "PHONE", "supervisionNote", "电话督办，请主办单位抓紧办理，尽快答复。")));
      }
    }

    private void complete(String taskKey, String group, Map<String, Object> variables) {
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("Demo item " + seed.number() + " has no open " + taskKey);
      }
      tick();
      as(group, () -> submit(task, variables));
      runDue("Task_SignOff".equals(taskKey));
    }

    private Void submit(Task task, Map<String, Object> variables) {
      forms.submitTaskForm(task.getId(), variables);
      return null;
    }

    private Map<String, Object> intake(LocalDate registered) {
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
      variables.put("filedOn", (seed.filedOn() == null ? registered : seed.filedOn()).toString());
      return variables;
    }

    private void at(LocalDate date) {
      clock = date.atTime(WORKDAY_START).atZone(EngineClock.zone()).toInstant();
      ClockUtil.setCurrentTime(Date.from(clock));
    }

    /** The next minute of the day: each action after the one before. */
    private void tick() {
      clock = clock.plusSeconds(60);
      ClockUtil.setCurrentTime(Date.from(clock));
    }
  }

  /** Acts as the first demo user of the group, so that the records name a real person. */
  private <T> T as(String groupId, Supplier<T> action) {
    identity.setAuthentication(authenticationOf(groupId));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Authentication authenticationOf(String groupId) {
    User user = identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, 1).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("No demo user in group " + groupId));
    List<String> groups = identity.createGroupQuery().groupMember(user.getId()).list().stream().map(g -> g.getId()).toList();
    return new Authentication(user.getId(), groups);
  }
}
