package org.proposalhandling.attachment.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An item's files under /items/{id}/files: upload, download, withdraw, replace. Every request first asks
 * whether the user reads the item; one who does not gets the item page's own 404, whether the item or the
 * file exists or not. Refusals are a page with the reason in Chinese and the way back to the item.
 */
@Controller
class AttachmentController {

  /** Thrown where the user does not read the item, or the item has no such file: the item page's 404. */
  private static final class NotFound extends RuntimeException {
  }

  private final ItemFiles files;
  private final FileDownload download;

  AttachmentController(ItemFiles files, FileDownload download) {
    this.files = files;
    this.download = download;
  }

  @PostMapping("/items/{id}/files")
  String upload(@PathVariable String id, @RequestParam(required = false) String step,
                @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
    return store(id, step, file, null, redirect);
  }

  @PostMapping("/items/{id}/files/{fileId}/replacement")
  String replace(@PathVariable String id, @PathVariable String fileId, @RequestParam(required = false) MultipartFile file,
                 RedirectAttributes redirect) throws IOException {
    Authentication user = reader(id);
    FileStore.StoredFile earlier = files.changeable(user, id, fileId);
    return store(id, earlier.step(), file, earlier.id(), redirect);
  }

  @PostMapping("/items/{id}/files/{fileId}/withdrawal")
  String withdraw(@PathVariable String id, @PathVariable String fileId, RedirectAttributes redirect) {
    files.withdraw(reader(id), id, fileId);
    redirect.addFlashAttribute("notice", "附件已撤回。");
    return "redirect:/items/" + id + "#files";
  }

  @GetMapping("/items/{id}/files/{fileId}")
  void download(@PathVariable String id, @PathVariable String fileId, HttpServletResponse response) throws IOException {
    reader(id);
    FileStore.StoredFile file = files.file(id, fileId).orElseThrow(NotFound::new);
    download.send(file, response);
  }

  /**
   * 打包下载: the item's current files (replaced versions left out) in one ZIP, in the order they came, each
   * named with its place first so that two files of one name both arrive; names in UTF-8 (flagged so, as
   * today's unzip tools read them). Every file is checked before the first byte goes out.
   */
  @GetMapping("/items/{id}/files.zip")
  void zip(@PathVariable String id, HttpServletResponse response) throws IOException {
    reader(id);
    List<FileStore.StoredFile> current = files.current(id);
    if (current.isEmpty()) {
      throw new NotFound();
    }
    current.forEach(files::verify);
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(files.zipName(id), StandardCharsets.UTF_8).build().toString());
    try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream(), StandardCharsets.UTF_8)) {
      for (int i = 0; i < current.size(); i++) {
        zip.putNextEntry(new ZipEntry((i + 1) + "-" + current.get(i).fileName()));
        files.write(current.get(i), zip);
        zip.closeEntry();
      }
    }
  }

  private String store(String id, String step, MultipartFile file, String replacing, RedirectAttributes redirect)
      throws IOException {
    Authentication user = reader(id);
    if (file == null || file.isEmpty()) {
      throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST, "请选择要上传的文件。");
    }
    try (InputStream content = file.getInputStream()) {
      FileStore.StoredFile stored = files.add(user, id, step, file.getOriginalFilename(), content, replacing);
      redirect.addFlashAttribute("notice", "附件「" + stored.fileName() + "」已上传（" + FileTypes.wordsFor(stored.mediaType()) + "）。");
    }
    return "redirect:/items/" + id + "#files";
  }

  private Authentication reader(String itemId) {
    Authentication user = CurrentUser.get();
    if (!files.readable(user, itemId)) {
      throw new NotFound();
    }
    return user;
  }

  @ExceptionHandler(NotFound.class)
  String notFound(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "ledger/not-found";
  }

  @ExceptionHandler(AttachmentRefusedException.class)
  String refused(AttachmentRefusedException refusal, HttpServletRequest request, Model model,
                 HttpServletResponse response) {
    Map<?, ?> path = (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    response.setStatus(refusal.status().value());
    model.addAttribute("heading", "附件未能处理");
    model.addAttribute("message", refusal.getMessage());
    model.addAttribute("back", "/items/" + path.get("id") + "#files");
    model.addAttribute("backLabel", "返回办件");
    return "refused";
  }
}
