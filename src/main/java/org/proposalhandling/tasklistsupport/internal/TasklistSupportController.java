package org.proposalhandling.tasklistsupport.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemKind;
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
 * GET /camunda/api/tasklistsupport/due?at=2026-12-31T15:59:59Z[&amp;instance=…]  {"day": "2026-12-31", "workingDaysLeft": 21, "mark": ""}
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

  /**
   * A task's due moment as the card shows it: its day in the office's zone, the working days left from today
   * (negative once passed) and the mark, 红 once overdue, 黄 within the yellow warning's working days of the item's
   * kind (the default's for a process instance the user may not read). The browser neither knows the office's zone
   * nor its calendar.
   */
  @GetMapping("/due")
  ResponseEntity<Map<String, Object>> due(@RequestParam String at, @RequestParam(required = false) String instance) {
    var user = webappUser.current();
    if (user.isEmpty()) {
      return notLoggedIn();
    }
    LocalDate day;
    try {
      day = Instant.parse(at).atZone(EngineClock.zone()).toLocalDate();
    } catch (DateTimeParseException e) {
      return ResponseEntity.badRequest().body(Map.of("message", "时间格式应为 ISO-8601（如 2026-12-31T15:59:59Z）：" + at));
    }
    int left = deadlines.calendar().workingDaysBetween(EngineClock.today(), day);
    ItemKind kind = instance == null ? null : readableBusinessKey(user.get(), instance)
        .flatMap(items::find).map(Item::kind).orElse(null);
    String mark = left < 0 ? "红" : left <= deadlines.yellowWarningWorkingDays(kind) ? "黄" : "";
    return ResponseEntity.ok(Map.of("day", day.toString(), "workingDaysLeft", left, "mark", mark));
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
    return asUser(user, () -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey("proposal-handling").count() > 0) && items.find(businessKey).isPresent();
  }

  private Optional<String> readableBusinessKey(UserAuthentication user, String processInstanceId) {
    return asUser(user, () -> Optional.ofNullable(history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).processDefinitionKey("proposal-handling").singleResult())
        .map(HistoricProcessInstance::getBusinessKey));
  }

  private <T> T asUser(UserAuthentication user, Supplier<T> query) {
    identity.setAuthentication(user.getName(), new ArrayList<>(user.getGroupIds()), new ArrayList<>(user.getTenantIds()));
    try {
      return query.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static ResponseEntity<Map<String, Object>> notLoggedIn() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", "请先登录。"));
  }
}
