package org.proposalhandling.consultation.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.consultation.internal.Consultation.NextStep;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.workflow.EngineClock;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 处理意见、修改草案: the drafter has recorded on the consultation's page how each comment of the round was
 * used (and saved the revised draft there); here he confirms and says what comes next: another round with
 * the units, a public round, or the final draft to sign-off. The process routes on what this stores.
 */
@Component("consultationHandlingForm")
class ConsultationHandlingForm extends ConsultationFormListener {

  private final Comments comments;
  private final CommentSheet sheet;
  private final ConsultationProperties properties;

  ConsultationHandlingForm(Comments comments, CommentSheet sheet, ConsultationProperties properties) {
    this.comments = comments;
    this.sheet = sheet;
    this.properties = properties;
  }

  @Override
  protected void prepare(DelegateTask task, Consultation consultation) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("commentSheet", sheet.of(consultation, Source.UNIT));
    fields.put("nextStep", "");
    fields.put("nextDue", null);
    fields.put("publicCloses", null);
    show(task, fields);
  }

  @Override
  protected void complete(DelegateTask task, Consultation consultation, FormValues form) {
    long unhandled = comments.of(consultation.id()).stream()
        .filter(comment -> comment.source() == Source.UNIT && comment.awaitsHandling()).count();
    if (unhandled > 0) {
      throw new FormValidationException("还有 " + unhandled + " 条单位意见未记录处理情况。请先在征求意见页面逐条选择采纳、部分采纳或未采纳（后两者须说明理由）。");
    }
    NextStep step = NextStep.valueOf(form.requiredChoice("nextStep", "下一步",
        Arrays.stream(NextStep.values()).map(Enum::name).toList()));
    LocalDate date = switch (step) {
      case ANOTHER_ROUND -> nextRoundDue(consultation, form);
      case PUBLIC -> publicCloses(form);
      case SIGN_OFF -> null;
    };
    if (step == NextStep.ANOTHER_ROUND) {
      consultations.setCommentDue(consultation.id(), date);
    }
    consultations.setNextStep(consultation.id(), step, step == NextStep.PUBLIC ? date : null);
    history.record(consultation.id(), Kind.COMMENTS_HANDLED, currentUser(task), "下一步：" + step.label()
        + (date == null ? "" : "，截止 " + date));
  }

  private LocalDate nextRoundDue(Consultation consultation, FormValues form) {
    LocalDate due = required(form.optionalDate("nextDue", "下一轮反馈期限"), "下一轮反馈期限");
    if (!due.isAfter(EngineClock.today())) {
      throw new FormValidationException("「下一轮反馈期限」须晚于今天。");
    }
    List<Consultations.Version> versions = consultations.versions(consultation.id());
    if (versions.size() < consultation.round() + 1) {
      throw new FormValidationException("再次征求意见前，请先在征求意见页面保存修改后的草案（现有 " + versions.size() + " 稿）。");
    }
    return due;
  }

  private LocalDate publicCloses(FormValues form) {
    LocalDate closes = required(form.optionalDate("publicCloses", "公开征求截止日期"), "公开征求截止日期");
    LocalDate earliest = EngineClock.today().plusDays(properties.publicMinimumDays());
    if (closes.isBefore(earliest)) {
      throw new FormValidationException("公开征求意见一般不少于 " + properties.publicMinimumDays() + " 日：「公开征求截止日期」不能早于 " + earliest + "。");
    }
    return closes;
  }

  /** A date the chosen step needs: the form shows its field only for that step, so it cannot mark it required. */
  private static LocalDate required(LocalDate date, String label) {
    if (date == null) {
      throw new FormValidationException("请填写「" + label + "」。");
    }
    return date;
  }
}
