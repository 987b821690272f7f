package org.proposalhandling.consultation.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.consultation.internal.Comment.Handling;
import org.proposalhandling.consultation.internal.Comment.Moderation;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.security.CurrentUser;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultations' own pages: the list, starting one, and each consultation's page with its versions and
 * their diff, every comment side by side with its handling, the public comments to moderate, and its
 * timeline. The steps themselves are tasks in Tasklist; this page records what a form cannot hold.
 */
@Controller
class ConsultationController {

  private static final List<Stage> EDITABLE = List.of(Stage.COMMENTING, Stage.HANDLING, Stage.PUBLIC, Stage.PUBLIC_HANDLING, Stage.EXPLAINING);

  private final Consultations consultations;
  private final Comments comments;
  private final Attachments attachments;
  private final ConsultationHistory history;
  private final ConsultationAccess access;
  private final ConsultationStart start;
  private final UnitDirectory units;
  private final CommentSheet sheet;
  private final TaskService tasks;
  private final OpenFormViews views;

  ConsultationController(Consultations consultations, Comments comments, Attachments attachments, ConsultationHistory history,
                         ConsultationAccess access, ConsultationStart start, UnitDirectory units, CommentSheet sheet,
                         TaskService tasks, OpenFormViews views) {
    this.consultations = consultations;
    this.comments = comments;
    this.attachments = attachments;
    this.history = history;
    this.access = access;
    this.start = start;
    this.units = units;
    this.sheet = sheet;
    this.tasks = tasks;
    this.views = views;
  }

  @GetMapping("/consultations")
  String list(Model model) {
    Authentication user = CurrentUser.get();
    model.addAttribute("consultations", consultations.involving(access.unitsOf(user)));
    model.addAttribute("units", units);
    model.addAttribute("mayStart", !draftingUnits(user).isEmpty());
    return "consultations/list";
  }

  @GetMapping("/consultations/new")
  String newForm(Model model) {
    Authentication user = CurrentUser.get();
    List<Unit> draftingUnits = draftingUnits(user);
    model.addAttribute("draftingUnits", draftingUnits);
    model.addAttribute("consultableUnits", consultableUnits(draftingUnits));
    return "consultations/new";
  }

  @PostMapping("/consultations")
  String create(@RequestParam(required = false) String title, @RequestParam(required = false) String draftingUnitId,
                @RequestParam(required = false) String body, @RequestParam(required = false) List<String> unitIds,
                @RequestParam(required = false) String commentDue,
                @RequestParam(required = false) List<MultipartFile> files, Model model, HttpServletResponse response) {
    Authentication user = CurrentUser.get();
    try {
      if (draftingUnitId == null || !draftingUnits(user).stream().anyMatch(unit -> unit.id().equals(draftingUnitId))) {
        throw new FormValidationException("只能以本人承办岗位所在单位的名义起草，请选择「起草单位」。");
      }
      String id = start.start(new ConsultationStart.Draft(title, draftingUnitId, body, unitIds == null ? List.of() : unitIds,
          date(commentDue, "反馈期限"), uploads(files)), user.getUserId());
      return "redirect:/consultations/" + id;
    } catch (FormValidationException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("refusal", refused.getMessage());
      model.addAttribute("title", title);
      model.addAttribute("body", body);
      model.addAttribute("chosenUnits", unitIds == null ? List.of() : unitIds);
      model.addAttribute("commentDue", commentDue);
      return newForm(model);
    }
  }

  @GetMapping("/consultations/{id}")
  String page(@PathVariable String id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
              Model model, HttpServletResponse response) {
    Authentication user = CurrentUser.get();
    Optional<Consultation> found = consultations.find(id).filter(consultation -> access.reads(user, consultation));
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "consultations/not-found";
    }
    Consultation consultation = found.get();
    boolean drafts = access.drafts(user, consultation);
    List<Consultations.Version> versions = consultations.versions(id);
    Set<String> mine = access.unitsOf(user);
    List<Comment> visible = comments.of(id).stream()
        .filter(comment -> drafts || comment.source() == Source.UNIT && mine.contains(comment.unitId())).toList();
    model.addAttribute("consultation", consultation);
    model.addAttribute("draftingUnit", units.nameOf(consultation.draftingUnitId()));
    model.addAttribute("versions", versions);
    model.addAttribute("latest", versions.get(versions.size() - 1));
    model.addAttribute("attachments", attachments.of(id));
    model.addAttribute("consulted", consultations.allUnits(id));
    model.addAttribute("unitComments", visible.stream().filter(comment -> comment.source() == Source.UNIT).toList());
    model.addAttribute("publicComments", visible.stream().filter(comment -> comment.source() == Source.PUBLIC).toList());
    model.addAttribute("sheet", sheet);
    model.addAttribute("units", units);
    model.addAttribute("timeline", history.of(id));
    model.addAttribute("edits", access.edits(user, consultation) && EDITABLE.contains(consultation.stage()));
    model.addAttribute("drafts", drafts);
    model.addAttribute("openTasks", tasks.createTaskQuery().processInstanceBusinessKey(id).list());
    if (versions.size() > 1) {
      int older = from == null ? versions.size() - 1 : from;
      int newer = to == null ? versions.size() : to;
      model.addAttribute("diffFrom", older);
      model.addAttribute("diffTo", newer);
      model.addAttribute("diff", VersionDiff.between(version(versions, older).body(), version(versions, newer).body()));
    }
    return "consultations/page";
  }

  @PostMapping("/consultations/{id}/comments/{commentId}/handling")
  String handle(@PathVariable String id, @PathVariable String commentId, @RequestParam(required = false) String handling,
                @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    return act(id, redirect, consultation -> {
      Comment comment = comments.find(id, commentId).orElseThrow(() -> new FormValidationException("没有这条意见。"));
      Handling chosen = parse(Handling.class, handling, "请选择处理情况：采纳、部分采纳或未采纳。");
      String why = reason == null || reason.isBlank() ? null : reason.strip();
      if (chosen != Handling.ADOPTED && why == null) {
        throw new FormValidationException("「" + chosen.label() + "」须说明理由。");
      }
      if (comment.moderation() == Moderation.PENDING || comment.moderation() == Moderation.HIDDEN) {
        throw new FormValidationException("公众意见须先审核公开，才能记录处理情况。");
      }
      comments.handle(commentId, chosen, why, CurrentUser.get().getUserId());
      history.record(id, Kind.COMMENT_HANDLED, CurrentUser.get().getUserId(),
          sheet.authorOf(comment) + "的意见：" + chosen.label() + (why == null ? "" : "（" + why + "）"));
      return "已记录：" + chosen.label();
    });
  }

  @PostMapping("/consultations/{id}/comments/{commentId}/moderation")
  String moderate(@PathVariable String id, @PathVariable String commentId, @RequestParam(required = false) String moderation,
                  RedirectAttributes redirect) {
    return act(id, redirect, consultation -> {
      Comment comment = comments.find(id, commentId).filter(found -> found.source() == Source.PUBLIC)
          .orElseThrow(() -> new FormValidationException("没有这条公众意见。"));
      Moderation chosen = parse(Moderation.class, moderation, "请选择公开或不予公开。");
      if (chosen == Moderation.PENDING) {
        throw new FormValidationException("请选择公开或不予公开。");
      }
      comments.moderate(comment.id(), chosen);
      history.record(id, Kind.MODERATED, CurrentUser.get().getUserId(), "公众意见（" + sheet.authorOf(comment) + "）：" + chosen.label());
      return "已审核：" + chosen.label();
    });
  }

  @PostMapping("/consultations/{id}/versions")
  String revise(@PathVariable String id, @RequestParam(required = false) String body, @RequestParam(required = false) String note,
                RedirectAttributes redirect) {
    return act(id, redirect, consultation -> {
      if (body == null || body.isBlank()) {
        throw new FormValidationException("请填写修改后的草案正文。");
      }
      if (body.strip().equals(consultations.latestVersion(id).body())) {
        throw new FormValidationException("修改稿与上一稿相同，未保存。");
      }
      int number = consultations.addVersion(id, body.strip(), note == null || note.isBlank() ? null : note.strip(),
          CurrentUser.get().getUserId());
      history.record(id, Kind.REVISED, CurrentUser.get().getUserId(), "保存第 " + number + " 稿" + (note == null || note.isBlank() ? "" : "：" + note.strip()));
      return "已保存第 " + number + " 稿";
    });
  }

  @GetMapping("/consultations/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
    Optional<Attachments.Upload> file = consultations.find(id).filter(consultation -> access.reads(CurrentUser.get(), consultation))
        .flatMap(consultation -> attachments.get(id, attachmentId));
    return file.map(upload -> ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(upload.fileName(), StandardCharsets.UTF_8).build().toString())
            .contentType(MediaType.APPLICATION_OCTET_STREAM).body(upload.content()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private interface Action {
    String on(Consultation consultation);
  }

  /** Runs a drafter's action on the record and goes back to the page with what happened, or why not. */
  private String act(String id, RedirectAttributes redirect, Action action) {
    Authentication user = CurrentUser.get();
    Optional<Consultation> found = consultations.find(id).filter(consultation -> access.reads(user, consultation));
    if (found.isEmpty()) {
      return "redirect:/consultations/" + id;
    }
    try {
      if (!access.edits(user, found.get()) || !EDITABLE.contains(found.get().stage())) {
        throw new FormValidationException(found.get().stage() == Stage.SIGNING || found.get().stage() == Stage.SIGNED
            ? "送审稿已报签发，不能再修改。" : "只有起草单位的承办人可以处理意见、修改草案。");
      }
      redirect.addFlashAttribute("notice", action.on(found.get()));
      views.refresh(found.get());
    } catch (FormValidationException refused) {
      redirect.addFlashAttribute("refusal", refused.getMessage());
    }
    return "redirect:/consultations/" + id;
  }

  /**
   * The units a drafter may consult: the other units of his unit's jurisdiction (the province's departments).
   * One who drafts for several units may consult one of them on another's draft; the start leaves out the
   * drafting unit itself.
   */
  private List<Unit> consultableUnits(List<Unit> draftingUnits) {
    return draftingUnits.stream().map(Unit::officeId).distinct().flatMap(office -> units.jurisdictionOf(office).stream())
        .filter(unit -> draftingUnits.size() > 1 || !draftingUnits.contains(unit)).toList();
  }

  private List<Unit> draftingUnits(Authentication user) {
    return units.unitsOf(user, Role.HANDLER).stream().filter(unit -> !unit.assigningOffice()).toList();
  }

  private static Consultations.Version version(List<Consultations.Version> versions, int number) {
    return versions.stream().filter(version -> version.number() == number).findFirst().orElse(versions.get(versions.size() - 1));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String message) {
    try {
      return Enum.valueOf(type, value == null ? "" : value);
    } catch (IllegalArgumentException e) {
      throw new FormValidationException(message);
    }
  }

  private static LocalDate date(String text, String label) {
    if (text == null || text.isBlank()) {
      throw new FormValidationException("请填写「" + label + "」。");
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new FormValidationException("「" + label + "」不是有效日期（应为 yyyy-MM-dd）：" + text);
    }
  }

  private static List<Attachments.Upload> uploads(List<MultipartFile> files) {
    List<Attachments.Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (file.isEmpty()) {
        continue;
      }
      try {
        uploads.add(new Attachments.Upload(file.getOriginalFilename() == null ? "附件" : file.getOriginalFilename(),
            file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file.getBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uploads;
  }
}
