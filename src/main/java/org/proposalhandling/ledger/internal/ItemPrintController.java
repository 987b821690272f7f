package org.proposalhandling.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.proposalhandling.feedback.FeedbackFormSheets;
import org.proposalhandling.letter.PrintedForms;
import org.proposalhandling.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The item's paper: 打印办理单 (/items/{id}/record.pdf) and the 征询意见表 of its current reply
 * (/items/{id}/feedback-form.pdf), each for exactly the users who may open the item's page; anyone else gets
 * the 404 of an item that does not exist.
 */
@Controller
class ItemPrintController {

  private final ItemDossier dossier;
  private final ItemSheet sheet;
  private final PrintedForms forms;
  private final FeedbackFormSheets feedbackForms;

  ItemPrintController(ItemDossier dossier, ItemSheet sheet, PrintedForms forms, FeedbackFormSheets feedbackForms) {
    this.dossier = dossier;
    this.sheet = sheet;
    this.forms = forms;
    this.feedbackForms = feedbackForms;
  }

  @GetMapping("/items/{id}/record.pdf")
  ResponseEntity<?> record(@PathVariable String id) {
    return print(id, view -> Optional.of(new Pdf("办理单" + view.item().shortReference() + ".pdf",
        forms.render(sheet.of(view)))));
  }

  /** The lead proposer's form, or with ?person=N the N-th co-signer's own (one who answers on paper). */
  @GetMapping("/items/{id}/feedback-form.pdf")
  ResponseEntity<?> feedbackForm(@PathVariable String id, @RequestParam(required = false) Integer person) {
    if (person != null) {
      return print(id, view -> view.item().coSigners().stream().filter(coSigner -> coSigner.position() == person)
          .findFirst().flatMap(coSigner -> feedbackForms.pdf(view.item(), person)
              .map(pdf -> new Pdf(FeedbackFormSheets.fileName(view.item(), coSigner), pdf))));
    }
    return print(id, view -> feedbackForms.pdf(view.item())
        .map(pdf -> new Pdf(FeedbackFormSheets.fileName(view.item()), pdf)));
  }

  private record Pdf(String fileName, byte[] content) {
  }

  /** A text no font draws (the fonts refuse it by name) is the user's to correct, not a server error. */
  private ResponseEntity<?> print(String id, Function<ItemDossier.View, Optional<Pdf>> render) {
    Optional<ItemDossier.View> view = dossier.of(CurrentUser.get(), id);
    if (view.isEmpty()) {
      return notFound("未找到该办件：该办件不存在，或不在您的查看范围内。");
    }
    try {
      return render.apply(view.get()).<ResponseEntity<?>>map(pdf -> ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_PDF)
          .header(HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.inline().filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
          .body(pdf.content())).orElseGet(() -> notFound("本轮答复尚未签发编号，还没有征询意见表。"));
    } catch (IllegalArgumentException unprintable) {
      return ResponseEntity.unprocessableEntity().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
          .body("无法打印：" + unprintable.getMessage());
    }
  }

  private static ResponseEntity<?> notFound(String why) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .body(why);
  }
}
