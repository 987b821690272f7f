package org.proposalhandling.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deadlines on the real calendar, in the process: the clock is set to real dates of 2024, moved, and the
 * due jobs run. Every expected date is counted by hand in the comments, from the State Council's 2024 and
 * 2025 holiday notices (国办发明电〔2023〕7号, 国办发明电〔2024〕12号).
 *
 * <p>Deputies' suggestions get other deadlines in the test profile (application-test.yaml), to prove the
 * per-kind settings: reply within 1 month and reassignment within 10 working days. The settings live there,
 * not on this class, so that all web tests share one application context and one "default" engine.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DeadlineProcessTest {

  static final String HANDLER = "jlmz-handler@demo.local";
  static final String HEAD = "jlmz-head@demo.local";
  static final String OFFICE_CLERK = "jlgov-clerk@demo.local";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired DeadlineRequests requests;
  @Autowired JdbcClient jdbc;
  ItemDriver driver;
  MailCatcher mail;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
    mail = new MailCatcher(smtp, outbox);
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- the office's own deadline ------------------------------------------------------------------------------

  @Test
  void theOfficesReviewAndAssignmentAreDueFiveWorkingDaysAfterRegistration() {
    // Registered Thu 2024-09-26: 9-27 (1), Sun 9-29 a 调休 working day (2), 9-30 (3), 10-1 to 10-7 国庆节,
    // 10-8 (4), 10-9 (5).
    at("2024-09-26T10:00");
    ProcessInstance instance = driver.register(ItemDriver.intake("DLO1"));
    assertThat(driver.task(instance, "Task_AcceptanceReview").getDueDate()).isEqualTo(beijing("2024-10-09T23:59:59"));

    at("2024-10-08T09:00");
    driver.accept(instance);
    assertThat(driver.task(instance, "Task_Assignment").getDueDate()).as("counted from registration, not from acceptance")
        .isEqualTo(beijing("2024-10-09T23:59:59"));
  }

  // --- yellow and red ---------------------------------------------------------------------------------------

  @Test
  void theYellowWarningAndTheRedOneFireOnTheirDayAndMailOnce() {
    // Assigned Friday 2024-09-27. Reply due: + 3 months = Fri 2024-12-27, a working day.
    // Yellow: 10 working days before it, no holiday in between: 12-26 (1), 25, 24, 23 (4), 20 (5), 19, 18,
    // 17, 16 (9), Fri 12-13 (10). Red: from the first moment of 12-28.
    ProcessInstance instance = assigned("DLY1", "2024-09-27T10:00", "jl-mz", false);
    Item item = items.get(instance.getBusinessKey());
    assertThat(item.assignedOn()).isEqualTo(LocalDate.of(2024, 9, 27));
    assertThat(item.replyDue()).isEqualTo(LocalDate.of(2024, 12, 27));
    assertThat(driver.task(instance, "Task_ContactRecord").getDueDate()).isEqualTo(beijing("2024-12-27T23:59:59"));
    assertThat(timer(instance, "Timer_YellowWarning").getDuedate()).isEqualTo(beijing("2024-12-13T00:00"));
    assertThat(timer(instance, "Timer_Overdue").getDuedate()).isEqualTo(beijing("2024-12-28T00:00"));

    at("2024-12-12T23:59");
    runDueJobs(instance);
    assertThat(reminders("DLY1", "【黄牌提醒】", HANDLER)).isEmpty();

    at("2024-12-13T08:30");
    runDueJobs(instance);
    assertThat(reminders("DLY1", "【黄牌提醒】", HANDLER)).hasSize(1);
    assertThat(reminders("DLY1", "【黄牌提醒】", HEAD)).hasSize(1);
    assertThat(reminders("DLY1", "【黄牌提醒】", OFFICE_CLERK)).as("not a key item").isEmpty();
    MimeMessage yellow = reminders("DLY1", "【黄牌提醒】", HANDLER).get(0);
    assertThat(MailCatcher.text(yellow)).contains("距答复期限还有 10 个工作日", "2024-12-27", "李静同志");
    assertThat(driver.task(instance, "Task_ContactRecord")).as("a reminder never cancels work").isNotNull();

    at("2024-12-20T09:00");
    runDueJobs(instance);
    runDueJobs(instance);
    assertThat(reminders("DLY1", "【黄牌提醒】", HANDLER)).as("mailed once").hasSize(1);
    assertThat(countReminders(item.id(), "YELLOW")).isEqualTo(1);

    at("2024-12-27T23:59");
    runDueJobs(instance);
    assertThat(reminders("DLY1", "【红牌督办】", HANDLER)).isEmpty();
    assertThat(tasks(instance, "Task_Supervise")).isEmpty();

    at("2024-12-28T00:01");
    runDueJobs(instance);
    runDueJobs(instance);
    assertThat(reminders("DLY1", "【红牌督办】", HANDLER)).hasSize(1);
    assertThat(reminders("DLY1", "【红牌督办】", HEAD)).hasSize(1);
    Task supervise = driver.task(instance, "Task_Supervise");
    assertThat(engine.getTaskService().getIdentityLinksForTask(supervise.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("jl-gov-clerk"));
    assertThat(supervise.getName()).startsWith("督办｜");
    assertThat(driver.task(instance, "Task_ContactRecord")).isNotNull();

    // 12-28 and 12-29 are a weekend: on Mon 12-30 the reply is 1 working day overdue.
    at("2024-12-30T09:00");
    assertThatThrownBy(() -> driver.complete(instance, "Task_Supervise", Map.of("supervisionMeans", "PHONE")))
        .hasMessageContaining("请填写「督办情况」");
    driver.complete(instance, "Task_Supervise", Map.of("supervisionMeans", "PHONE",
        "supervisionNote", "电话督促省民政厅，承诺一周内答复。"));
    assertThat(jdbc.sql("select note from supervision where item_id = ?").param(item.id()).query(String.class).single())
        .contains("承诺一周内答复");
  }

  @Test
  void closingTheItemEndsAnOpenSupervision() {
    ProcessInstance instance = assigned("DLS1", "2024-09-27T10:00", "jl-mz", false);
    at("2024-12-28T08:00");
    runDueJobs(instance);
    assertThat(driver.task(instance, "Task_Supervise")).isNotNull();

    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.draft(instance, "逾期后的答复");
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
    driver.feedback(instance, "SATISFIED", "");

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aKeyItemIsMarkedAndItsOfficeIsToldOfEachDeadline() {
    // Assigned 2024-09-27 with 省财政厅 co-handling: opinion due + 1 month = Sun 10-27, so Mon 10-28.
    ProcessInstance instance = assigned("DLK1", "2024-09-27T10:00", "jl-mz", true, "jl-cz");
    assertThat(driver.task(instance, "Task_ContactRecord").getName()).startsWith("【重点督办】沟通联系");
    assertThat(driver.task(instance, "Task_ContactRecord").getPriority()).isGreaterThan(50);
    assertThat(items.get(instance.getBusinessKey()).coHandlingDue()).isEqualTo(LocalDate.of(2024, 10, 28));

    at("2024-10-28T18:00");
    runDueJobs(instance);
    assertThat(mail.to("jlcz-handler@demo.local", "第DLK1号")).isEmpty();

    at("2024-10-29T08:00");
    runDueJobs(instance);
    assertThat(reminders("DLK1", "【会办逾期】", "jlcz-handler@demo.local")).hasSize(1);
    assertThat(reminders("DLK1", "【会办逾期】", OFFICE_CLERK)).hasSize(1);
    assertThat(reminders("DLK1", "【会办逾期】", HANDLER)).hasSize(1);

    at("2024-12-13T08:00");
    runDueJobs(instance);
    List<MimeMessage> toOffice = reminders("DLK1", "【黄牌提醒】", OFFICE_CLERK);
    assertThat(toOffice).hasSize(1);
    assertThat(MailCatcher.subject(toOffice.get(0))).startsWith("【重点督办】");

    at("2024-12-28T08:00");
    runDueJobs(instance);
    assertThat(reminders("DLK1", "【红牌督办】", OFFICE_CLERK)).hasSize(1);
    assertThat(driver.task(instance, "Task_Supervise").getName()).startsWith("【重点督办】督办");
  }

  @Test
  void perKindDeadlinesCountAcrossNationalDayAndItsMakeUpWorkdays() {
    // A deputy's suggestion, reply within 1 month (this test's setting): assigned Mon 2024-09-02, due
    // Wed 10-02, in the 国庆节 break (10-01..10-07), so Tue 10-08. Yellow 10 working days before: Mon 09-30 (1),
    // Sun 09-29 调休 (2), Fri 09-27 (3), 26, 25, 24, 23 (7), Fri 09-20 (8), 19 (9), Wed 09-18 (10).
    ProcessInstance instance = assigned(deputySuggestion("DLP1"), "2024-09-02T10:00", "jl-mz", false);
    Item item = items.get(instance.getBusinessKey());
    assertThat(item.replyDue()).isEqualTo(LocalDate.of(2024, 10, 8));
    assertThat(timer(instance, "Timer_YellowWarning").getDuedate()).isEqualTo(beijing("2024-09-18T00:00"));
    assertThat(timer(instance, "Timer_Overdue").getDuedate()).isEqualTo(beijing("2024-10-09T00:00"));

    // A member's proposal assigned the same day keeps the defaults: + 3 months = Mon 2024-12-02.
    ProcessInstance proposal = assigned("DLP2", "2024-09-02T10:00", "jl-mz", false);
    assertThat(items.get(proposal.getBusinessKey()).replyDue()).isEqualTo(LocalDate.of(2024, 12, 2));

    at("2024-09-17T23:00");
    runDueJobs(instance);
    assertThat(mail.to(HANDLER, "第P1号")).isEmpty();
    at("2024-09-18T07:00");
    runDueJobs(instance);
    assertThat(reminders("DLP1", "【黄牌提醒】", HANDLER)).hasSize(1);
  }

  // --- extension ----------------------------------------------------------------------------------------------

  @Test
  void anApprovedExtensionMovesTheTimersTheTasksAndTheItem() {
    // Assigned Fri 2024-09-27, due Fri 12-27. The longest extension: + 6 months = Thu 2025-03-27.
    ProcessInstance instance = assigned("DLE1", "2024-09-27T10:00", "jl-mz", false);
    String id = instance.getBusinessKey();

    at("2024-11-01T10:00");
    assertThatThrownBy(() -> requests.requestExtension(handler("jl-mz"), id, "需要多部门调研。", LocalDate.of(2025, 4, 1)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("2025-03-27");
    assertThatThrownBy(() -> requests.requestExtension(handler("jl-cz"), id, "需要调研。", LocalDate.of(2025, 2, 28)))
        .isInstanceOf(DeadlineRequests.NotAllowedException.class);
    assertThatThrownBy(() -> requests.requestExtension(handler("jl-mz"), id, " ", LocalDate.of(2025, 2, 28)))
        .hasMessageContaining("请填写「延期理由」");

    requests.requestExtension(handler("jl-mz"), id, "涉及多部门政策调整，需要进一步调研。", LocalDate.of(2025, 2, 28));
    Task decide = driver.task(instance, "Task_DecideExtension");
    assertThat(engine.getTaskService().getIdentityLinksForTask(decide.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("jl-gov-clerk"));
    assertThat(engine.getTaskService().getVariableLocal(decide.getId(), "extensionReason")).isEqualTo("涉及多部门政策调整，需要进一步调研。");
    assertThat(driver.task(instance, "Task_ContactRecord")).as("handling goes on while the office decides").isNotNull();
    assertThatThrownBy(() -> requests.requestExtension(handler("jl-mz"), id, "再次申请。", LocalDate.of(2025, 2, 28)))
        .hasMessageContaining("正在等待交办机构审批");

    assertThatThrownBy(() -> driver.complete(instance, "Task_DecideExtension", Map.of("decision", "approve", "grantedDue", "2025-03-28")))
        .hasMessageContaining("2025-03-27");
    driver.complete(instance, "Task_DecideExtension", Map.of("decision", "approve", "grantedDue", "2025-02-28"));
    assertThat(instance).hasPassedInOrder("Task_DecideExtension", "Task_NotifyExtensionDecision");

    // New due Fri 2025-02-28. Yellow 10 working days before: 02-27 (1), 26, 25, 24 (4), 21 (5), 20, 19, 18, 17 (9),
    // Fri 02-14 (10). Red from 03-01.
    assertThat(items.get(id).replyDue()).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(timer(instance, "Timer_YellowWarning").getDuedate()).isEqualTo(beijing("2025-02-14T00:00"));
    assertThat(timer(instance, "Timer_Overdue").getDuedate()).isEqualTo(beijing("2025-03-01T00:00"));
    assertThat(driver.task(instance, "Task_ContactRecord").getDueDate()).isEqualTo(beijing("2025-02-28T23:59:59"));
    mail.sendDueMail();
    assertThat(reminders("DLE1", "【延期已批准】", HANDLER)).hasSize(1);

    // The old dates pass quietly; a task created later carries the new due date.
    at("2024-12-28T09:00");
    runDueJobs(instance);
    assertThat(mail.to(HANDLER, "第E1号")).noneMatch(m -> MailCatcher.subject(m).contains("黄牌") || MailCatcher.subject(m).contains("红牌"));
    driver.recordContact(instance);
    driver.executeJobs(instance);
    assertThat(driver.task(instance, "Task_DraftReply").getDueDate()).isEqualTo(beijing("2025-02-28T23:59:59"));

    at("2025-02-14T09:00");
    runDueJobs(instance);
    assertThat(reminders("DLE1", "【黄牌提醒】", HANDLER)).hasSize(1);
  }

  @Test
  void aRefusedExtensionKeepsTheDueDate() {
    ProcessInstance instance = assigned("DLE2", "2024-09-27T10:00", "jl-mz", false);
    at("2024-11-01T10:00");
    requests.requestExtension(handler("jl-mz"), instance.getBusinessKey(), "工作量大。", LocalDate.of(2025, 1, 27));
    assertThatThrownBy(() -> driver.complete(instance, "Task_DecideExtension", Map.of("decision", "refuse")))
        .hasMessageContaining("须填写说明");
    driver.complete(instance, "Task_DecideExtension", Map.of("decision", "refuse", "decisionComment", "理由不充分。"));
    assertThat(instance).hasPassedInOrder("Task_DecideExtension", "Task_NotifyExtensionDecision");
    assertThat(items.get(instance.getBusinessKey()).replyDue()).isEqualTo(LocalDate.of(2024, 12, 27));
    assertThat(timer(instance, "Timer_Overdue").getDuedate()).isEqualTo(beijing("2024-12-28T00:00"));
    mail.sendDueMail();
    assertThat(MailCatcher.text(reminders("DLE2", "【延期未获批准】", HANDLER).get(0))).contains("理由不充分。");
  }

  // --- reassignment --------------------------------------------------------------------------------------

  @Test
  void anApprovedReassignmentGoesBackToAssignmentAndRestartsTheDeadlines() {
    // Assigned Fri 2024-09-27; the window of 5 working days: Sun 09-29 调休 (1), Mon 09-30 (2), 国庆节,
    // Tue 10-08 (3), Wed 10-09 (4), Thu 10-10 (5). The last day is still in it.
    ProcessInstance instance = assigned("DLR1", "2024-09-27T10:00", "jl-mz", false, "jl-cz");
    String id = instance.getBusinessKey();
    at("2024-10-10T17:00");
    requests.requestReassignment(handler("jl-mz"), id, "该建议涉及医疗机构管理，属卫生健康部门职责。");
    assertThat(driver.task(instance, "Task_ContactRecord")).as("handling goes on while the office decides").isNotNull();

    driver.complete(instance, "Task_DecideReassignment", Map.of("decision", "approve"));
    assertThat(instance).hasPassedInOrder("Task_DecideReassignment", "Task_NotifyReassignmentDecision", "End_ReassignmentApproved")
        .isWaitingAt("Task_Assignment");
    mail.sendDueMail();
    assertThat(MailCatcher.text(reminders("DLR1", "【调整交办已同意】", HANDLER).get(0))).contains("属卫生健康部门职责");
    assertThat(tasks(instance, "Task_ContactRecord")).isEmpty();
    assertThat(tasks(instance, "Task_CoHandlingOpinion")).isEmpty();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
    assertThat(items.get(id).status()).isEqualTo(ItemStatus.ACCEPTED);

    // Reassigned Fri 10-11 to 省卫健委 alone: + 3 months = Sat 2025-01-11, so Mon 01-13. Yellow 10 working days
    // before: 01-10 (1), 9, 8, 7, 6 (5), 3 (6), 2 (7), 01-01 元旦 off, Tue 12-31 (8), Mon 12-30 (9), Fri 12-27 (10).
    at("2024-10-11T09:00");
    driver.assign(instance, "jl-wjw");
    Item item = items.get(id);
    assertThat(item.leadUnitId()).isEqualTo("jl-wjw");
    assertThat(item.assignedOn()).isEqualTo(LocalDate.of(2024, 10, 11));
    assertThat(item.replyDue()).isEqualTo(LocalDate.of(2025, 1, 13));
    assertThat(item.coHandlingDue()).isNull();
    assertThat(items.coHandlingUnitIds(id)).isEmpty();
    assertThat(timer(instance, "Timer_YellowWarning").getDuedate()).isEqualTo(beijing("2024-12-27T00:00"));
    assertThat(timer(instance, "Timer_Overdue").getDuedate()).isEqualTo(beijing("2025-01-14T00:00"));
    Task contact = driver.task(instance, "Task_ContactRecord");
    assertThat(contact.getDueDate()).isEqualTo(beijing("2025-01-13T23:59:59"));
    assertThat(engine.getTaskService().getIdentityLinksForTask(contact.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("jl-wjw-handler"));
    // The new assignment opens a new window: Sat 10-12 调休 (1), Mon 10-14 (2), 15, 16, Thu 10-17 (5).
    assertThat(requests.reassignmentWindowEndFor(id)).isEqualTo(LocalDate.of(2024, 10, 17));
  }

  @Test
  void aRefusedReassignmentLetsHandlingGoOn() {
    ProcessInstance instance = assigned("DLR2", "2024-09-27T10:00", "jl-mz", false, "jl-cz");
    at("2024-09-30T10:00");
    // A co-handling unit may say the item is not its business too.
    requests.requestReassignment(handler("jl-cz"), instance.getBusinessKey(), "本单位不涉及该事项。");
    assertThatThrownBy(() -> driver.complete(instance, "Task_DecideReassignment", Map.of("decision", "refuse")))
        .hasMessageContaining("须填写说明");
    driver.complete(instance, "Task_DecideReassignment", Map.of("decision", "refuse", "decisionComment", "涉及财政资金安排，请提出会办意见。"));
    assertThat(instance).hasPassedInOrder("Task_DecideReassignment", "Task_NotifyReassignmentDecision");
    assertThat(driver.task(instance, "Task_ContactRecord")).isNotNull();
    assertThat(tasks(instance, "Task_CoHandlingOpinion")).hasSize(1);
    assertThat(timer(instance, "Timer_Overdue").getDuedate()).isEqualTo(beijing("2024-12-28T00:00"));
    mail.sendDueMail();
    assertThat(MailCatcher.text(reminders("DLR2", "【调整交办未同意】", "jlcz-handler@demo.local").get(0))).contains("涉及财政资金安排");
  }

  @Test
  void aReassignmentRequestAfterTheWindowIsRefused() {
    // Window of 5 working days from Fri 2024-09-27 ends Thu 10-10 (see above): Fri 10-11 is too late.
    ProcessInstance late = assigned("DLR3", "2024-09-27T10:00", "jl-mz", false);
    at("2024-10-11T09:00");
    assertThatThrownBy(() -> requests.requestReassignment(handler("jl-mz"), late.getBusinessKey(), "不属于本单位职责。"))
        .isInstanceOf(FormValidationException.class)
        .hasMessageContaining("交办后 5 个工作日内", "截至 2024-10-10", "不予受理");
    assertThat(tasks(late, "Task_DecideReassignment")).isEmpty();
    assertThat(jdbc.sql("select count(*) from deadline_request where item_id = ?").param(late.getBusinessKey())
        .query(Integer.class).single()).isZero();

    // A deputy's suggestion has 10 working days here: 09-29 (1), 09-30 (2), 10-08 (3), 9, 10, 11 (6),
    // Sat 10-12 调休 (7), Mon 10-14 (8), 15 (9), Wed 10-16 (10). On 10-11 it is still in time.
    ProcessInstance deputy = assigned(deputySuggestion("DLR4"), "2024-09-27T10:00", "jl-mz", false);
    at("2024-10-11T09:00");
    requests.requestReassignment(handler("jl-mz"), deputy.getBusinessKey(), "不属于本单位职责。");
    assertThat(driver.task(deputy, "Task_DecideReassignment")).isNotNull();
    assertThat(requests.reassignmentWindowEndFor(deputy.getBusinessKey())).isEqualTo(LocalDate.of(2024, 10, 16));
  }

  @Test
  void anInstanceOfTheVersionWithoutTheMailStepsStillMailsTheDecisions() {
    // Running installations keep instances on the version deployed before the mails were steps: there the
    // decision's listener sends them, once.
    ProcessDefinition current = latestHandlingProcess();
    String xml = model(current);
    deploy(current, withoutStep(withoutStep(xml, "Task_NotifyExtensionDecision", "Flow_ToExtensionDecided", "End_ExtensionDecided"),
        "Task_NotifyReassignmentDecision", "Flow_ToReassignmentDecided", "Gateway_ReassignmentApproved"));
    try {
      ProcessInstance instance = assigned("DLV1", "2024-09-27T10:00", "jl-mz", false, "jl-cz");
      assertThat(instance.getProcessDefinitionId()).isNotEqualTo(current.getId());
      String id = instance.getBusinessKey();
      at("2024-10-08T10:00");
      requests.requestExtension(handler("jl-mz"), id, "需要调研。", LocalDate.of(2025, 1, 27));
      driver.complete(instance, "Task_DecideExtension", Map.of("decision", "refuse", "decisionComment", "理由不充分。"));
      requests.requestReassignment(handler("jl-cz"), id, "本单位不涉及该事项。");
      driver.complete(instance, "Task_DecideReassignment", Map.of("decision", "refuse", "decisionComment", "请提出会办意见。"));
      assertThat(instance).hasPassed("Task_DecideExtension", "Task_DecideReassignment")
          .hasNotPassed("Task_NotifyExtensionDecision", "Task_NotifyReassignmentDecision");
      mail.sendDueMail();
      assertThat(reminders("DLV1", "【延期未获批准】", HANDLER)).hasSize(1);
      assertThat(reminders("DLV1", "【调整交办未同意】", "jlcz-handler@demo.local")).hasSize(1);
    } finally {
      // The current model the latest again; the instance stays on its version, as in an installation.
      deploy(current, xml);
    }
  }

  private ProcessDefinition latestHandlingProcess() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("proposal-handling")
        .latestVersion().singleResult();
  }

  private String model(ProcessDefinition definition) {
    try (var model = engine.getRepositoryService().getProcessModel(definition.getId())) {
      return new String(model.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** This model as the latest version of the process, with the forms of the definition's deployment, which it binds. */
  private void deploy(ProcessDefinition definition, String xml) {
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder deployment = repository.createDeployment().addString(definition.getResourceName(), xml);
    for (Resource resource : repository.getDeploymentResources(definition.getDeploymentId())) {
      if (resource.getName().endsWith(".form")) {
        deployment.addInputStream(resource.getName(), repository.getResourceAsStreamById(definition.getDeploymentId(), resource.getId()));
      }
    }
    deployment.deploy();
  }

  /** The model with this step and the flow after it gone, the flow before it going to where that one went. */
  private static String withoutStep(String xml, String step, String flowAfter, String next) {
    return xml.replaceAll("(?s)<bpmn:serviceTask id=\"" + step + "\".*?</bpmn:serviceTask>", "")
        .replaceAll(".*<bpmn:sequenceFlow id=\"" + flowAfter + "\".*\n", "")
        .replaceAll(".*bpmnElement=\"(" + step + "|" + flowAfter + ")\".*\n", "")
        .replace("targetRef=\"" + step + "\"", "targetRef=\"" + next + "\"");
  }

  // --- the handler's API ---------------------------------------------------------------------------------

  @Test
  void theLeadUnitsHandlerAsksThroughTheApiWithHisOwnPassword() throws Exception {
    ProcessInstance instance = assigned("DLA1", "2024-09-27T10:00", "jl-mz", false);
    String url = "http://localhost:" + port + "/api/items/" + instance.getBusinessKey() + "/extension-request";
    String body = "{\"reason\":\"需要征求多个部门意见。\",\"requestedDue\":\"2025-02-28\"}";
    at("2024-11-01T10:00");

    assertThat(post(url, null, body).statusCode()).isEqualTo(401);
    assertThat(post(url, "jlcz-handler:demo", body).statusCode()).isEqualTo(403);
    HttpResponse<String> beyond = post(url, "jlmz-handler:demo", body.replace("2025-02-28", "2025-06-30"));
    assertThat(beyond.statusCode()).isEqualTo(400);
    assertThat(beyond.body()).contains("不得晚于交办之日起 6 个月");

    HttpResponse<String> accepted = post(url, "jlmz-handler:demo", body);
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(accepted.body()).contains("延期申请已提交");
    assertThat(driver.task(instance, "Task_DecideExtension")).isNotNull();

    String reassign = "http://localhost:" + port + "/api/items/" + instance.getBusinessKey() + "/reassignment-request";
    HttpResponse<String> late = post(reassign, "jlmz-handler:demo", "{\"reason\":\"不属于本单位职责。\"}");
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("截至 2024-10-10");
    // Last: a wrong password makes the engine delay the user's next logins.
    assertThat(post(url, "jlmz-handler:wrong", body).statusCode()).isEqualTo(401);
  }

  // --- helpers -----------------------------------------------------------------------------------------------

  private ProcessInstance assigned(String number, String at, String leadUnit, boolean keyItem, String... coUnits) {
    return assigned(ItemDriver.intake(number), at, leadUnit, keyItem, coUnits);
  }

  private ProcessInstance assigned(Map<String, Object> intake, String at, String leadUnit, boolean keyItem, String... coUnits) {
    at(at);
    ProcessInstance instance = driver.register(intake);
    driver.accept(instance);
    driver.complete(instance, "Task_Assignment", Map.of("leadUnit", leadUnit,
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(Arrays.asList(coUnits))).create(), "keyItem", keyItem));
    return instance;
  }

  private static Map<String, Object> deputySuggestion(String number) {
    Map<String, Object> form = new HashMap<>(ItemDriver.intake(number));
    form.put("sessionName", "省十四届人大一次会议");
    form.put("kind", "DEPUTY_SUGGESTION");
    return form;
  }

  /** Sets the engine's clock to a time in Beijing. */
  private static void at(String beijingTime) {
    ClockUtil.setCurrentTime(beijing(beijingTime));
  }

  private static Date beijing(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(EngineClock.zone()).toInstant());
  }

  /** The due jobs of the item (timers, then the asynchronous reminders), then the mail they caused. */
  private void runDueJobs(ProcessInstance instance) {
    driver.executeJobs(instance);
    mail.sendDueMail();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .timers().singleResult();
  }

  private List<Task> tasks(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  private List<MimeMessage> reminders(String number, String heading, String to) {
    return mail.to(to, "第" + number + "号").stream().filter(m -> MailCatcher.subject(m).contains(heading)).toList();
  }

  private int countReminders(String itemId, String kind) {
    return jdbc.sql("select count(*) from reminder where item_id = ? and kind = ?").params(itemId, kind)
        .query(Integer.class).single();
  }

  private static Authentication handler(String unit) {
    return new Authentication(unit.replace("-", "") + "-handler", List.of(unit + "-handler"));
  }

  private HttpResponse<String> post(String url, String credentials, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
