package org.proposalhandling.assignment.internal;

import java.util.List;
import org.proposalhandling.intakeimport.Clerk;
import org.proposalhandling.intakeimport.ClerkPage;
import org.proposalhandling.intakeimport.Clerks;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 批量交办 pages of the assigning office, beside 批量导入 under /imports: the plan, confirm, and a progress bar
 * fed by the JSON of /imports/assignments/{id}/progress. A POST answers with a redirect to the page that shows
 * its result, so that reloading never posts twice.
 */
@Controller
@ClerkPage
@RequestMapping("/imports")
class AssignmentPage {

  private final BatchAssignments assignments;
  private final Clerks clerks;

  AssignmentPage(BatchAssignments assignments, Clerks clerks) {
    this.assignments = assignments;
    this.clerks = clerks;
  }

  /** 批量交办 of an imported batch: the plan first. */
  @PostMapping("/{id}/assignment")
  String planImport(@PathVariable String id) {
    return "redirect:/imports/assignments/" + assignments.planImport(clerks.current(), id).id();
  }

  /** 批量交办 of items picked elsewhere (the ledger posts their ids here): the plan first. */
  @PostMapping("/assignments")
  String planItems(@RequestParam(name = "itemIds", required = false) List<String> itemIds) {
    return "redirect:/imports/assignments/" + assignments.planItems(clerks.current(), itemIds).id();
  }

  @GetMapping("/assignments/{id}")
  String assignment(@PathVariable String id, Model model) {
    Clerk clerk = clerks.current();
    model.addAttribute("office", clerk.office());
    model.addAttribute("plan", assignments.plan(clerk, id));
    model.addAttribute("progress", assignments.progress(clerk, id));
    return "imports/assignment";
  }

  @GetMapping(value = "/assignments/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  BatchAssignments.Progress assignmentProgress(@PathVariable String id) {
    return assignments.progress(clerks.current(), id);
  }

  @PostMapping("/assignments/{id}/start")
  String startAssignment(@PathVariable String id) {
    assignments.start(clerks.current(), id);
    return "redirect:/imports/assignments/" + id;
  }
}
