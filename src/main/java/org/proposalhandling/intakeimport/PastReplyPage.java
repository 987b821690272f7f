package org.proposalhandling.intakeimport;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 历史答复导入, the page: the template, an upload that is checked (检查) or checked and loaded (导入), and the
 * errors by line and column or what the file holds and what was loaded.
 */
@Controller
@ClerkPage
@RequestMapping("/imports/history")
class PastReplyPage {

  /** One example row under the headers, in the columns' order. */
  private static final String EXAMPLE = "省政协十三届一次会议,D99,党派团体提案,关于发展社区老年助餐服务的建议,建议内容……,"
      + "某某委员会,2023-01-15,省民政厅,B,吉民提字〔2023〕9号,2023-06-20,关于您提案中的第一条建议……,满意";

  private final PastReplies pastReplies;
  private final Clerks clerks;

  PastReplyPage(PastReplies pastReplies, Clerks clerks) {
    this.pastReplies = pastReplies;
    this.clerks = clerks;
  }

  @GetMapping
  String index(Model model) {
    model.addAttribute("office", clerks.current().office());
    return "imports/history";
  }

  /** A CSV with a byte order mark, which Excel opens as UTF-8. */
  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template() {
    clerks.current();
    String headers = Arrays.stream(PastColumn.values()).map(PastColumn::header).collect(Collectors.joining(","));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"history-template.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(("\uFEFF" + headers + "\r\n" + EXAMPLE + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping
  String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "check") String action, Model model,
                HttpServletResponse response) {
    Clerk clerk = clerks.current();
    model.addAttribute("office", clerk.office());
    model.addAttribute("fileName", file.getOriginalFilename());
    try {
      model.addAttribute("outcome", pastReplies.take(clerk, file, "load".equals(action)));
    } catch (ImportRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", e.errors());
      model.addAttribute("errorCount", e.total());
    }
    return "imports/history";
  }
}
