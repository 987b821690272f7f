package org.proposalhandling.statistics.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.proposalhandling.directory.UnitDirectory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The figures the assigning office and each unit report: the page (/statistics), its data as JSON
 * (/statistics/data) and the workbook (/statistics.xlsx), all with the same parameters (session, from, to,
 * unit) and for the same user: the engine's current authentication, set by {@link StatisticsSecurity}.
 */
@Controller
class StatisticsController {

  static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Statistics statistics;
  private final UnitDirectory directory;
  private final IdentityService identity;
  private final ObjectMapper json;

  StatisticsController(Statistics statistics, UnitDirectory directory, IdentityService identity, ObjectMapper json) {
    this.statistics = statistics;
    this.directory = directory;
    this.identity = identity;
    this.json = json;
  }

  @GetMapping("/statistics")
  String page(@RequestParam Map<String, String> parameters, Model model) throws JsonProcessingException {
    StatisticsScope scope = scope();
    StatisticsReport report = statistics.report(scope, StatisticsFilter.from(parameters, scope));
    model.addAttribute("report", report);
    model.addAttribute("units", scope.units());
    model.addAttribute("xlsx", link("/statistics.xlsx", report));
    // The charts' data, as JSON inside a non-executed script element: "<" escaped so no text closes it.
    model.addAttribute("chartData", json.writeValueAsString(report.charts()).replace("<", "\\u003c"));
    return "statistics/page";
  }

  @GetMapping("/statistics/data")
  @ResponseBody
  StatisticsReport data(@RequestParam Map<String, String> parameters) {
    StatisticsScope scope = scope();
    return statistics.report(scope, StatisticsFilter.from(parameters, scope));
  }

  @GetMapping("/statistics.xlsx")
  ResponseEntity<byte[]> workbook(@RequestParam Map<String, String> parameters) {
    StatisticsScope scope = scope();
    StatisticsReport report = statistics.report(scope, StatisticsFilter.from(parameters, scope));
    String name = "办理统计-" + (report.parameters().getOrDefault("session", "全部会议")) + "-" + report.countedOn() + ".xlsx";
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(StatisticsWorkbook.of(report));
  }

  /** A refusal in Chinese with its status: a page for the page and the workbook, JSON for the data. */
  @ExceptionHandler(StatisticsRefusal.class)
  ModelAndView refused(StatisticsRefusal refusal, HttpServletRequest request) {
    ModelAndView answer = request.getRequestURI().endsWith("/statistics/data")
        ? new ModelAndView(new MappingJackson2JsonView(json), Map.of("message", refusal.getMessage()))
        : new ModelAndView("refused", Map.of("heading", "无法统计", "message", refusal.getMessage(),
            "back", "/statistics", "backLabel", "返回办理统计"));
    answer.setStatus(refusal.status());
    return answer;
  }

  private StatisticsScope scope() {
    return StatisticsScope.of(identity.getCurrentAuthentication(), directory);
  }

  private static String link(String path, StatisticsReport report) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    report.parameters().forEach(uri::queryParam);
    return uri.encode().build().toUriString();
  }
}
