package org.proposalhandling.consultation.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.consultation.internal.Comment.Moderation;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.TextLength;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 公开征求意见, without login: the draft, and until its closing day a comment form with a question against
 * robots and a limit per client and hour. A comment is stored at once (the visitor gets its receipt number)
 * and shown only after the drafting unit let it through; once the public comments are handled, the page
 * shows each shown comment with how it was used, and the reasons for those not adopted.
 */
@Controller
class PublicConsultationController {

  private static final int MAX_LENGTH = 5000;
  private static final List<Stage> HANDLED = List.of(Stage.EXPLAINING, Stage.SIGNING, Stage.SIGNED);

  private final Consultations consultations;
  private final Comments comments;
  private final ConsultationHistory history;
  private final UnitDirectory units;
  private final RobotChallenge challenge;
  private final ConsultationProperties properties;

  PublicConsultationController(Consultations consultations, Comments comments, ConsultationHistory history,
                               UnitDirectory units, RobotChallenge challenge, ConsultationProperties properties) {
    this.consultations = consultations;
    this.comments = comments;
    this.history = history;
    this.units = units;
    this.challenge = challenge;
    this.properties = properties;
  }

  @GetMapping("/public/consultations")
  String list(Model model) {
    model.addAttribute("consultations", consultations.openedToPublic());
    model.addAttribute("units", units);
    model.addAttribute("today", EngineClock.today());
    return "public/consultations";
  }

  @GetMapping("/public/consultations/{id}")
  String page(@PathVariable String id, Model model, HttpServletResponse response) {
    return show(id, model, response, null, null, null);
  }

  @PostMapping("/public/consultations/{id}/comments")
  String comment(@PathVariable String id, @RequestParam(required = false) String author,
                 @RequestParam(required = false) String contact, @RequestParam(required = false) String body,
                 @RequestParam(required = false) String answer, @RequestParam(required = false) String challengeToken,
                 @RequestParam(required = false) String website, HttpServletRequest request, Model model,
                 HttpServletResponse response) {
    Optional<Consultation> found = consultations.find(id).filter(consultation -> consultation.publicOpens() != null);
    if (found.isEmpty()) {
      return show(id, model, response, null, null, null);
    }
    Consultation consultation = found.get();
    String refusal = null;
    int status = HttpServletResponse.SC_BAD_REQUEST;
    String client = clientHash(request);
    if (!consultation.openToPublicOn(EngineClock.today())) {
      refusal = "公开征求意见已于 " + consultation.publicCloses() + " 截止，不再接收意见。";
      status = HttpServletResponse.SC_GONE;
    } else if (website != null && !website.isEmpty() || !challenge.passes(id, challengeToken, answer)) {
      // website is a field people never see: only a robot fills it in.
      refusal = "验证问题的答案不对，请重新计算后再提交。您填写的意见仍在下面。";
    } else if (body == null || body.isBlank()) {
      refusal = "请填写「意见和建议」。";
    } else if (TextLength.of(body) > MAX_LENGTH) {
      refusal = "「意见和建议」不能超过 " + MAX_LENGTH + " 个字，请精简或分几次提交。";
    } else if (comments.fromClientSince(client, EngineClock.now().minus(Duration.ofHours(1))) >= properties.publicCommentsPerHour()) {
      refusal = "您在一小时内提交的意见已达 " + properties.publicCommentsPerHour() + " 条，请稍后再提交。";
      status = 429;
    }
    if (refusal != null) {
      response.setStatus(status);
      return show(id, model, response, refusal, author, body);
    }
    String commentId = comments.addPublicComment(id, consultation.round(), trim(author, 100), trim(contact, 200), body.strip(), client);
    history.record(id, Kind.PUBLIC_COMMENT, null, "收到公众意见（" + (author == null || author.isBlank() ? "匿名" : author.strip()) + "）");
    model.addAttribute("consultation", consultation);
    model.addAttribute("receipt", commentId.substring(0, 8).toUpperCase());
    return "public/consultation-received";
  }

  private String show(String id, Model model, HttpServletResponse response, String refusal, String author, String body) {
    Optional<Consultation> found = consultations.find(id).filter(consultation -> consultation.publicOpens() != null);
    if (found.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "public/consultation-not-found";
    }
    Consultation consultation = found.get();
    List<Comment> shown = comments.of(id).stream()
        .filter(comment -> comment.source() == Source.PUBLIC && comment.moderation() == Moderation.SHOWN).toList();
    model.addAttribute("consultation", consultation);
    model.addAttribute("draftingUnit", units.nameOf(consultation.draftingUnitId()));
    model.addAttribute("draft", consultations.latestVersion(id));
    model.addAttribute("open", consultation.openToPublicOn(EngineClock.today()));
    model.addAttribute("handled", HANDLED.contains(consultation.stage()));
    model.addAttribute("shown", shown);
    model.addAttribute("question", challenge.ask(id));
    model.addAttribute("refusal", refusal);
    model.addAttribute("author", author);
    model.addAttribute("body", body);
    return "public/consultation";
  }

  /** The client's address, hashed: the rate limit needs to recognise it, not to keep it. */
  private static String clientHash(HttpServletRequest request) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("consultation|" + request.getRemoteAddr()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String trim(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    return TextLength.cut(stripped, max);
  }
}
