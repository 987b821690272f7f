package org.proposalhandling.deadline.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The extension and reassignment requests for scripts and other clients; people ask on the item's page
 * (ledger's /items/{id}), through the same {@link DeadlineRequests}. Two JSON endpoints under /api,
 * authenticated with HTTP Basic against the engine's users, stateless, like /engine-rest (the API clients'
 * chain of security's SecurityConfiguration).
 * <pre>
 * POST /api/items/{id}/extension-request     {"reason": "...", "requestedDue": "2025-01-15"}
 * POST /api/items/{id}/reassignment-request  {"reason": "..."}
 * </pre>
 * 202 when the request went to the assigning office; 400 with a Chinese message when it is refused (after
 * the reassignment window, a date beyond the maximum, ...); 403 when the user is not a handler of the unit.
 */
@RestController
@RequestMapping("/api/items/{id}")
class DeadlineRequestController {

  record ExtensionRequest(String reason, String requestedDue) {
  }

  record ReassignmentRequest(String reason) {
  }

  private final DeadlineRequests requests;
  private final IdentityService identity;

  DeadlineRequestController(DeadlineRequests requests, IdentityService identity) {
    this.requests = requests;
    this.identity = identity;
  }

  @PostMapping("/extension-request")
  ResponseEntity<Map<String, String>> extension(@PathVariable String id, @RequestBody ExtensionRequest body) {
    requests.requestExtension(identity.getCurrentAuthentication(), id, body.reason(), date(body.requestedDue()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "延期申请已提交交办机构审批。"));
  }

  @PostMapping("/reassignment-request")
  ResponseEntity<Map<String, String>> reassignment(@PathVariable String id, @RequestBody ReassignmentRequest body) {
    requests.requestReassignment(identity.getCurrentAuthentication(), id, body.reason());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message", "调整交办申请已提交交办机构处理。"));
  }

  @ExceptionHandler(FormValidationException.class)
  ResponseEntity<Map<String, String>> refused(FormValidationException e) {
    return ResponseEntity.badRequest().body(Map.of("type", "FormValidationException", "message", e.getMessage()));
  }

  @ExceptionHandler(DeadlineRequests.NotAllowedException.class)
  ResponseEntity<Map<String, String>> notAllowed(DeadlineRequests.NotAllowedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("type", "NotAllowed", "message", e.getMessage()));
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
    } catch (DateTimeParseException e) {
      throw new FormValidationException("「申请延至」不是有效日期：" + text + "。");
    }
  }
}
