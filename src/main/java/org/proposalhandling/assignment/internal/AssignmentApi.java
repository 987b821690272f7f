package org.proposalhandling.assignment.internal;

import java.util.List;
import java.util.Map;
import org.proposalhandling.intakeimport.Clerk;
import org.proposalhandling.intakeimport.ClerkApi;
import org.proposalhandling.intakeimport.Clerks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batch assignment for REST clients, as the assigning office's clerk:
 * <pre>
 * POST /api/assignments             {"importId": "..."} or {"itemIds": [...]}, "preview": true|false
 *                                   202 {"id", ...progress} started at once; with preview: 201 {"id", "plan"}
 * POST /api/assignments/{id}/start  202
 * GET  /api/assignments/{id}        {"state", "total", "done", "failed", "pending", "manual", "skipped", "failures"}
 * GET  /api/assignments/{id}/plan   what goes where, and what is left to assign by hand
 * </pre>
 */
@RestController
@ClerkApi
@RequestMapping("/api/assignments")
class AssignmentApi {

  record Request(String importId, List<String> itemIds, boolean preview) {
  }

  private final BatchAssignments assignments;
  private final Clerks clerks;

  AssignmentApi(BatchAssignments assignments, Clerks clerks) {
    this.assignments = assignments;
    this.clerks = clerks;
  }

  @PostMapping
  ResponseEntity<Object> create(@RequestBody Request request) {
    Clerk clerk = clerks.current();
    AssignmentStore.BatchRecord batch = request.importId() != null
        ? assignments.planImport(clerk, request.importId()) : assignments.planItems(clerk, request.itemIds());
    if (request.preview()) {
      return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", batch.id(), "plan", assignments.plan(clerk, batch.id())));
    }
    assignments.start(clerk, batch.id());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(assignments.progress(clerk, batch.id()));
  }

  @PostMapping("/{id}/start")
  ResponseEntity<BatchAssignments.Progress> start(@PathVariable String id) {
    Clerk clerk = clerks.current();
    assignments.start(clerk, id);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(assignments.progress(clerk, id));
  }

  @GetMapping("/{id}")
  BatchAssignments.Progress progress(@PathVariable String id) {
    return assignments.progress(clerks.current(), id);
  }

  @GetMapping("/{id}/plan")
  BatchAssignments.Plan plan(@PathVariable String id) {
    return assignments.plan(clerks.current(), id);
  }
}
