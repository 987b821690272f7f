package org.proposalhandling.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.workflow.EngineClock;

/**
 * A small pair of sessions built through the real process, with every outcome the statistics count; the
 * expected figures are worked out by hand in {@link StatisticsTest}. Member proposals: reply within 3 months,
 * re-handling within 1, feedback 20 working days plus 5 of grace. Deputies' suggestions (test profile): 1
 * month, reassignment within 10 working days.
 *
 * <pre>
 * PROPOSALS, all assigned Mon 2024-09-02 (due Mon 2024-12-02) unless said:
 *   P1 省民政厅            replied 10-08 (on time), A, 满意, closed
 *   P2 省民政厅 + 省财政厅  replied 12-03 (late by a day), C, 基本满意, closed
 *   P3 省民政厅            extended to 2025-01-15 on 10-08, replied 12-20 (on time by the extension), B, 不满意;
 *                          re-handled (due 2025-01-20), replied 2025-01-10, A, 不满意 again, closed
 *   P5                     not accepted
 *   P6 省民政厅 + 省财政厅  still in handling: overdue now
 *   P7                     registered Fri 2024-09-20, not yet reviewed
 *   P8 省财政厅            replied 10-08 (on time), B, feedback awaited
 * SUGGESTIONS:
 *   D4 省民政厅 + 省财政厅, 省民政厅 asks for reassignment 09-04, granted; reassigned 09-05 to 省卫健委 alone
 *      (due 10-05 in the 国庆节 break, so Tue 10-08); replied 10-08 (on time, on the day), D; no answer: 未反馈
 * </pre>
 */
final class StatisticsFixture {

  static final String PROPOSALS = "统计测试：省政协十三届二次会议";
  static final String SUGGESTIONS = "统计测试：省十四届人大二次会议";
  /** The day the figures are read. */
  static final String TODAY = "2025-01-20T10:00";

  private final ProcessEngine engine;
  private final DeadlineRequests requests;
  private final ItemDriver driver;

  StatisticsFixture(ProcessEngine engine, MailOutbox outbox, DeadlineRequests requests) {
    this.engine = engine;
    this.requests = requests;
    this.driver = new ItemDriver(engine, outbox);
  }

  void build() {
    at("2024-09-02T09:00");
    ProcessInstance p1 = assigned(PROPOSALS, "P1", "MEMBER_PROPOSAL", "jl-mz");
    ProcessInstance p2 = assigned(PROPOSALS, "P2", "MEMBER_PROPOSAL", "jl-mz", "jl-cz");
    ProcessInstance p3 = assigned(PROPOSALS, "P3", "MEMBER_PROPOSAL", "jl-mz");
    ProcessInstance p5 = driver.register(intake(PROPOSALS, "P5", "MEMBER_PROPOSAL"));
    driver.complete(p5, "Task_AcceptanceReview", Map.of("decision", "reject", "rejectionReason", "属于个人诉求，转信访渠道办理。"));
    driver.executeJobs(p5);
    assigned(PROPOSALS, "P6", "MEMBER_PROPOSAL", "jl-mz", "jl-cz");
    ProcessInstance p8 = assigned(PROPOSALS, "P8", "MEMBER_PROPOSAL", "jl-cz");
    ProcessInstance d4 = assigned(SUGGESTIONS, "D4", "DEPUTY_SUGGESTION", "jl-mz", "jl-cz");

    at("2024-09-04T10:00");
    requests.requestReassignment(handler("jl-mz"), d4.getBusinessKey(), "该建议涉及医疗机构管理，属卫生健康部门职责。");
    driver.complete(d4, "Task_DecideReassignment", Map.of("decision", "approve"));
    at("2024-09-05T10:00");
    driver.assign(d4, "jl-wjw");

    at("2024-09-20T10:00");
    driver.register(intake(PROPOSALS, "P7", "MEMBER_PROPOSAL"));

    at("2024-10-08T10:00");
    reply(p1, "A");
    driver.feedback(p1, "SATISFIED", "");
    requests.requestExtension(handler("jl-mz"), p3.getBusinessKey(), "涉及多部门政策调整，需要进一步调研。", LocalDate.of(2025, 1, 15));
    driver.complete(p3, "Task_DecideExtension", Map.of("decision", "approve", "grantedDue", "2025-01-15"));
    reply(p8, "B");
    reply(d4, "D");

    // No answer: 20 working days after Tue 10-08 (Sat 10-12 is a make-up working day) the reminder, due by the
    // end of Mon 11-04; 5 more and the round closes as 未反馈, due by the end of Mon 11-11.
    at("2024-11-06T10:00");
    driver.executeJobs(d4);
    at("2024-11-20T10:00");
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(d4.getId()).activityId("Timer_NoFeedback").singleResult().getId());

    at("2024-12-03T10:00");
    driver.giveOpinion(p2, "jl-cz", "同意主办单位意见。");
    reply(p2, "C");
    driver.feedback(p2, "BASICALLY_SATISFIED", "");

    at("2024-12-20T10:00");
    reply(p3, "B");
    driver.feedback(p3, "UNSATISFIED", "请给出时间表。");
    at("2025-01-10T10:00");
    reply(p3, "A");
    driver.feedback(p3, "UNSATISFIED", "仍不满意。");
  }

  /** From the contact record to the delivered reply, with this category. */
  private void reply(ProcessInstance instance, String category) {
    driver.recordContact(instance);
    driver.executeJobs(instance);
    driver.complete(instance, "Task_DraftReply", Map.of("replyText", "答复正文", "category", category,
        "disclosure", "PUBLIC", "handlerName", "李静", "handlerPhone", "0431-88900001"));
    driver.review(instance, true, null);
    driver.signOff(instance, true, null);
    driver.executeJobs(instance);
  }

  private ProcessInstance assigned(String session, String number, String kind, String lead, String... coUnits) {
    ProcessInstance instance = driver.register(intake(session, number, kind));
    driver.accept(instance);
    driver.assign(instance, lead, coUnits);
    return instance;
  }

  private static Map<String, Object> intake(String session, String number, String kind) {
    Map<String, Object> form = new HashMap<>(ItemDriver.intake(number));
    form.put("sessionName", session);
    form.put("kind", kind);
    return form;
  }

  private static Authentication handler(String unit) {
    return new Authentication(unit.replace("-", "") + "-handler", List.of(unit + "-handler"));
  }

  static void at(String beijingTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingTime).atZone(EngineClock.zone()).toInstant()));
  }
}
