package org.proposalhandling.workspace.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作台 at /, where the login lands: the signed-in user's tasks by stage, his items due soon, overdue and under
 * 督办, for the office the requests to decide, the replies waiting for feedback and the failed deliveries, for an
 * official his sign-offs, for the administrator the engine's and the app's tools. The office's register of
 * reminders and supervision is at /workspace/reminders, with its export; to anyone else it answers 403.
 */
@Controller
class WorkspaceController {

  static final String OFFICE_ONLY = "催办督办登记仅供交办机构的交办员使用。";

  private final UnitDirectory directory;
  private final TaskCounts tasks;
  private final ItemCounts items;
  private final SignOffsWaiting signOffs;
  private final ReminderRegister register;
  private final ReminderExport export;

  WorkspaceController(UnitDirectory directory, TaskCounts tasks, ItemCounts items, SignOffsWaiting signOffs,
                      ReminderRegister register, ReminderExport export) {
    this.directory = directory;
    this.tasks = tasks;
    this.items = items;
    this.signOffs = signOffs;
    this.register = register;
    this.export = export;
  }

  @GetMapping("/")
  String home(Model model) {
    WorkspaceScope scope = WorkspaceScope.of(CurrentUser.get(), directory);
    model.addAttribute("user", scope.userId());
    model.addAttribute("scope", scope);
    model.addAttribute("tasks", tasks.of(scope));
    if (scope.readsItems()) {
      model.addAttribute("deadlines", items.deadlines(scope));
    }
    if (scope.office()) {
      model.addAttribute("afterReply", items.afterReply(scope));
    }
    model.addAttribute("signOffs", signOffs.of(scope));
    return "workspace/home";
  }

  @GetMapping("/workspace/reminders")
  String reminders(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
    WorkspaceScope scope = WorkspaceScope.of(CurrentUser.get(), directory);
    model.addAttribute("user", scope.userId());
    if (!scope.office()) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      return "workspace/office-only";
    }
    ReminderFilter filter = ReminderFilter.from(params);
    model.addAttribute("filter", filter);
    model.addAttribute("entries", register.page(scope, filter));
    model.addAttribute("shown", ReminderRegister.SHOWN);
    model.addAttribute("kinds", ReminderFilter.KINDS);
    model.addAttribute("units", directory.handlingUnits().stream()
        .filter(unit -> scope.officeIds().contains(unit.officeId())).toList());
    return "workspace/reminders";
  }

  @GetMapping("/workspace/reminders.xlsx")
  void exportReminders(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
    WorkspaceScope scope = WorkspaceScope.of(CurrentUser.get(), directory);
    if (!scope.office()) {
      response.setStatus(HttpStatus.FORBIDDEN.value());
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(OFFICE_ONLY);
      return;
    }
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"reminders.xlsx\"; filename*=UTF-8''"
        + "%E5%82%AC%E5%8A%9E%E7%9D%A3%E5%8A%9E%E7%99%BB%E8%AE%B0.xlsx");
    export.write(scope, ReminderFilter.from(params), response.getOutputStream());
  }
}
