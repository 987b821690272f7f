package org.proposalhandling.tasklistsupport.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * <pre>
 * GET /camunda/api/tasklistsupport/working-days?until=2026-12-31  {"workingDaysLeft": 21}
 * GET /camunda/api/tasklistsupport/items/{businessKey}            {"number": "0044", "title": "...", ...}
 * </pre>
 * 401 without a webapp login; an item only to a user who may read its process instance (404 otherwise, so that
 * nobody learns which items exist).
 */
@RestController
@RequestMapping("/camunda/api/tasklistsupport")
class TasklistSupportController {

  private final WebappUser webappUser;
  private final Deadlines deadlines;
  private final ItemRepository items;
  private final HistoryService history;
  private final IdentityService identity;

  TasklistSupportController(WebappUser webappUser, Deadlines deadlines, ItemRepository items, HistoryService history,
      IdentityService identity) {
    this.webappUser = webappUser;
    this.deadlines = deadlines;
    this.items = items;
    this.history = history;
    this.identity = identity;
  }

  /** Working days from today (excluded) to {@code until} (included); negative once the day has passed. */
  @GetMapping("/working-days")
  ResponseEntity<Map<String, Object>> workingDays(@RequestParam String until) {
    if (webappUser.current().isEmpty()) {
      return notLoggedIn();
    }
    LocalDate day;
    try {
      day = LocalDate.parse(until);
    } catch (DateTimeParseException e) {
      return ResponseEntity.badRequest().body(Map.of("message", "日期格式应为 yyyy-MM-dd：" + until));
    }
    return ResponseEntity.ok(Map.of("workingDaysLeft", deadlines.calendar().workingDaysBetween(EngineClock.today(), day)));
  }

  @GetMapping("/items/{businessKey}")
  ResponseEntity<Map<String, Object>> item(@PathVariable String businessKey) {
    var user = webappUser.current();
    if (user.isEmpty()) {
      return notLoggedIn();
    }
    if (!mayRead(user.get(), businessKey)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "没有可查看的事项。"));
    }
    Item item = items.get(businessKey);
    return ResponseEntity.ok(Map.of("number", item.number(), "title", item.title(), "sessionName", item.sessionName(),
        "kind", item.kind().label(), "reference", item.reference()));
  }

  /** Asked of the engine as this user, so that the grants made per item decide (history: finished items too). */
  private boolean mayRead(UserAuthentication user, String businessKey) {
    identity.setAuthentication(user.getName(), new ArrayList<>(user.getGroupIds()), new ArrayList<>(user.getTenantIds()));
    try {
      return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
          .processDefinitionKey("proposal-handling").count() > 0 && items.find(businessKey).isPresent();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static ResponseEntity<Map<String, Object>> notLoggedIn() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "请先登录。"));
  }
}
