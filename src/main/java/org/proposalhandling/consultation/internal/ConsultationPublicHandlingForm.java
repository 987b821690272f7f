package org.proposalhandling.consultation.internal;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.proposalhandling.consultation.internal.Comment.Moderation;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.FormValues;
import org.springframework.stereotype.Component;

/**
 * 处理公众意见: after the public round closed, every public comment has been moderated on the consultation's
 * page and each one shown has its handling recorded; the public page then shows the summary.
 */
@Component("consultationPublicHandlingForm")
class ConsultationPublicHandlingForm extends ConsultationFormListener {

  private final Comments comments;
  private final CommentSheet sheet;

  ConsultationPublicHandlingForm(Comments comments, CommentSheet sheet) {
    this.comments = comments;
    this.sheet = sheet;
  }

  @Override
  protected void prepare(DelegateTask task, Consultation consultation) {
    show(task, Map.of("commentSheet", sheet.of(consultation, Source.PUBLIC), "handlingConfirmed", false));
  }

  @Override
  protected void complete(DelegateTask task, Consultation consultation, FormValues form) {
    long pending = comments.of(consultation.id()).stream()
        .filter(comment -> comment.source() == Source.PUBLIC && comment.moderation() == Moderation.PENDING).count();
    long unhandled = comments.of(consultation.id()).stream()
        .filter(comment -> comment.source() == Source.PUBLIC && comment.awaitsHandling()).count();
    if (pending > 0 || unhandled > 0) {
      throw new FormValidationException("还有 " + pending + " 条公众意见待审核、" + unhandled
          + " 条已公开的意见未记录处理情况。请先在征求意见页面逐条处理。");
    }
    if (!form.checked("handlingConfirmed")) {
      throw new FormValidationException("请勾选「公众意见已逐条处理，处理情况可以公开」。");
    }
    history.record(consultation.id(), Kind.COMMENTS_HANDLED, currentUser(task), "公众意见处理完毕，处理情况在公开页面公布");
  }
}
