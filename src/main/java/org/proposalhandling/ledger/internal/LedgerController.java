package org.proposalhandling.ledger.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.deadline.DeadlineRequests;
import org.proposalhandling.delivery.Redelivery;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.item.Satisfaction;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.security.CurrentUser;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger (台账) at /items: the items of the user's scope, searched and filtered, a page at a time, and
 * exported; the item's page at /items/{id}, with the extension and reassignment requests. An item outside
 * the user's scope answers 404 exactly as an id that does not exist, its title nowhere on the page. The
 * assigning office retries a failed delivery there (重新送达).
 */
@Controller
class LedgerController {

  /** Stages from which 批量交办 takes an item: waiting for acceptance review or for assignment. */
  private static final Set<ItemStatus> ASSIGNABLE = EnumSet.of(ItemStatus.REGISTERED, ItemStatus.ACCEPTED);

  private final LedgerQuery ledger;
  private final LedgerExport export;
  private final ItemDossier dossier;
  private final DeadlineRequests requests;
  private final UnitDirectory directory;
  private final Redelivery redelivery;
  private final ItemSearch search;

  LedgerController(LedgerQuery ledger, LedgerExport export, ItemDossier dossier, DeadlineRequests requests,
                   UnitDirectory directory, Redelivery redelivery, ItemSearch search) {
    this.search = search;
    this.ledger = ledger;
    this.export = export;
    this.dossier = dossier;
    this.requests = requests;
    this.directory = directory;
    this.redelivery = redelivery;
  }

  @GetMapping("/items")
  String list(@RequestParam Map<String, String> params, Model model) {
    LedgerScope scope = LedgerScope.of(CurrentUser.get(), directory);
    LedgerFilter filter = LedgerFilter.from(params);
    LedgerQuery.Page page = ledger.page(scope, filter);
    model.addAttribute("filter", filter);
    model.addAttribute("page", page);
    model.addAttribute("passages", filter.q() == null ? Map.of()
        : search.passages(filter.q(), page.rows().stream().map(LedgerRow::id).toList()));
    model.addAttribute("pages", Math.max(1, (page.total() + filter.size() - 1) / filter.size()));
    model.addAttribute("sessions", ledger.sessions(scope));
    model.addAttribute("units", directory.handlingUnits().stream()
        .filter(unit -> scope.unitIds().contains(unit.id()) || scope.officeIds().contains(unit.officeId())).toList());
    model.addAttribute("kinds", ItemKind.values());
    model.addAttribute("stages", ItemStatus.values());
    model.addAttribute("satisfactions", Satisfaction.values());
    // The assigning office imports and assigns in batches (批量导入, 批量交办 at /imports).
    model.addAttribute("office", !scope.officeIds().isEmpty());
    model.addAttribute("assignable", ASSIGNABLE);
    return "ledger/list";
  }

  @GetMapping("/items/export")
  void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"ledger.xlsx\"; filename*=UTF-8''%E5%8A%9E%E4%BB%B6%E5%8F%B0%E8%B4%A6.xlsx");
    export.write(LedgerScope.of(CurrentUser.get(), directory), LedgerFilter.from(params), response.getOutputStream());
  }

  @GetMapping("/items/{id}")
  String item(@PathVariable String id, Model model, HttpServletResponse response) {
    return show(id, model, response);
  }

  @PostMapping("/items/{id}/extension-request")
  String extension(@PathVariable String id, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String requestedDue, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
    return request(id, model, response, redirect, "延期申请已提交交办机构审批。", () ->
        requests.requestExtension(CurrentUser.get(), id, reason, date(requestedDue)));
  }

  @PostMapping("/items/{id}/reassignment-request")
  String reassignment(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
    return request(id, model, response, redirect, "调整交办申请已提交交办机构处理。", () ->
        requests.requestReassignment(CurrentUser.get(), id, reason));
  }

  @PostMapping("/items/{id}/redelivery")
  String redelivery(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return request(id, model, response, redirect, "已重新送达：答复发出后，本件转为「已答复，待反馈」。", () ->
        redelivery.retry(CurrentUser.get(), id));
  }

  /**
   * Makes a request for an item the user may read: sent, back to the page with the news; refused, the same
   * page with the reason in Chinese and what he typed, nothing stored.
   */
  private String request(String id, Model model, HttpServletResponse response, RedirectAttributes redirect,
                         String sent, Runnable request) {
    Authentication user = CurrentUser.get();
    if (dossier.of(user, id).isEmpty()) {
      return notFound(response);
    }
    try {
      request.run();
    } catch (FormValidationException | DeadlineRequests.NotAllowedException | Redelivery.NotAllowedException refused) {
      model.addAttribute("refusal", refused.getMessage());
      response.setStatus(refused instanceof FormValidationException ? HttpStatus.BAD_REQUEST.value() : HttpStatus.FORBIDDEN.value());
      return show(id, model, response);
    }
    redirect.addFlashAttribute("notice", sent);
    return "redirect:/items/" + id;
  }

  private String show(String id, Model model, HttpServletResponse response) {
    Authentication user = CurrentUser.get();
    return dossier.of(user, id).map(view -> {
      model.addAttribute("view", view);
      return "ledger/item";
    }).orElseGet(() -> notFound(response));
  }

  private static String notFound(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "ledger/not-found";
  }

  private static LocalDate date(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new FormValidationException("「申请延至」不是有效日期：" + text + "。");
    }
  }

}
