package org.proposalhandling.deadline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.calendar.HolidayCalendarLoader;
import org.proposalhandling.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/holidays/reload}: an administrator (group camunda-admin, HTTP Basic like the rest of /api)
 * has put the State Council's file of a year into {@code proposals.holidays.directory}; the calendar reads
 * every file again and answers with the loaded years and the open deadlines to review. 400 with the error
 * when a file is broken, and then nothing changes; 403 for anyone else. Here beside the deadlines, not in the
 * calendar, because the answer is the deadlines' review.
 */
@RestController
class HolidayCalendarController {

  private static final Logger log = LoggerFactory.getLogger(HolidayCalendarController.class);

  private final HolidayCalendarLoader loader;
  private final ProvisionalDeadlineReview review;
  private final WorkingDayCalendar calendar;
  private final IdentityService identity;

  HolidayCalendarController(HolidayCalendarLoader loader, ProvisionalDeadlineReview review, WorkingDayCalendar calendar,
                            IdentityService identity) {
    this.loader = loader;
    this.review = review;
    this.calendar = calendar;
    this.identity = identity;
  }

  @PostMapping("/api/holidays/reload")
  synchronized ResponseEntity<Map<String, Object>> reload() {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", "只有系统管理员可以重新载入节假日文件。"));
    }
    ProvisionalDeadlineReview.Result result;
    try {
      loader.reload();
      result = review.run();
    } catch (IllegalStateException e) {
      log.warn("Holiday files not reloaded: {}", e.getMessage());
      return ResponseEntity.badRequest().body(Map.of("message", "节假日文件有误，未载入，日历保持不变：" + e.getMessage()));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "已载入节假日文件。" + (result.toReview().isEmpty() ? "" : "有 " + result.toReview().size()
        + " 个未到期的期限按暂定日历计算，与已载入的通知不符，请交办机构复核（期限未自动更改）。"));
    body.put("loadedYears", calendar.coveredYears());
    body.put("provisionalYears", result.provisionalYears());
    body.put("toReview", result.toReview().stream().map(ProvisionalDeadlineReview.ToReview::describe).toList());
    return ResponseEntity.ok(body);
  }
}
