package org.proposalhandling.intakeimport;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * 批量导入 pages of the assigning office: upload, the errors or the preview, confirm, and a progress bar fed
 * by the JSON of /imports/{id}/progress. A POST answers with a redirect to the page that shows its result, so
 * that reloading never posts twice.
 */
@Controller
@ClerkPage
@RequestMapping("/imports")
class ImportPage {

  private final IntakeImports imports;
  private final ImportTemplate template;
  private final Clerks clerks;

  ImportPage(IntakeImports imports, ImportTemplate template, Clerks clerks) {
    this.imports = imports;
    this.template = template;
    this.clerks = clerks;
  }

  @GetMapping
  String index(Model model) {
    Clerk clerk = clerks.current();
    model.addAttribute("office", clerk.office());
    model.addAttribute("recent", imports.recent(clerk).stream()
        .map(record -> imports.progress(clerk, record.id())).toList());
    return "imports/index";
  }

  @GetMapping("/template.xlsx")
  ResponseEntity<byte[]> template() {
    Clerk clerk = clerks.current();
    String name = URLEncoder.encode("建议提案导入模板.xlsx", StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"template.xlsx\"; filename*=UTF-8''" + name)
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(template.forOffice(clerk.office()));
  }

  @PostMapping
  String upload(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) {
    Clerk clerk = clerks.current();
    try {
      ImportStore.ImportRecord record = UploadedFile.spooled(file, path -> imports.prepare(clerk, file.getOriginalFilename(), path));
      return "redirect:/imports/" + record.id();
    } catch (ImportRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("office", clerk.office());
      model.addAttribute("fileName", file.getOriginalFilename());
      model.addAttribute("errors", e.errors());
      model.addAttribute("errorCount", e.total());
      model.addAttribute("recent", List.of());
      return "imports/index";
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, Model model) {
    Clerk clerk = clerks.current();
    IntakeImports.Progress progress = imports.progress(clerk, id);
    model.addAttribute("office", clerk.office());
    model.addAttribute("progress", progress);
    if (progress.state() == ImportStore.State.PREVIEW) {
      model.addAttribute("preview", imports.preview(clerk, id));
    }
    return "imports/import";
  }

  /** The progress bar's JSON for the signed-in page (/api answers HTTP Basic only, never the session's cookie). */
  @GetMapping(value = "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  IntakeImports.Progress progress(@PathVariable String id) {
    return imports.progress(clerks.current(), id);
  }

  @PostMapping("/{id}/start")
  String start(@PathVariable String id, Model model, HttpServletResponse response) {
    Clerk clerk = clerks.current();
    try {
      imports.start(clerk, id);
      return "redirect:/imports/" + id;
    } catch (ImportRejectedException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("office", clerk.office());
      model.addAttribute("fileName", imports.find(clerk, id).fileName());
      model.addAttribute("errors", e.errors());
      model.addAttribute("errorCount", e.total());
      model.addAttribute("recent", List.of());
      return "imports/index";
    }
  }
}
