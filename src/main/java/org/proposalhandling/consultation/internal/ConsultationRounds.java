package org.proposalhandling.consultation.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.consultation.internal.Comment.Source;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.consultation.internal.ConsultedUnit.Answer;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The steps between the tasks: closing a round (on time, with or without every unit), starting the next one
 * on the revised draft, opening and closing the public round. Each runs in its own job and may run twice:
 * it only changes what is still as the step before left it. Public because the process calls it.
 */
@Component("consultationRounds")
@EnableConfigurationProperties(ConsultationProperties.class)
public class ConsultationRounds {

  private final Consultations consultations;
  private final Comments comments;
  private final ConsultationHistory history;
  private final UnitDirectory units;

  ConsultationRounds(Consultations consultations, Comments comments, ConsultationHistory history, UnitDirectory units) {
    this.consultations = consultations;
    this.comments = comments;
    this.history = history;
    this.units = units;
  }

  /** 汇总本轮意见: the units still silent are recorded as having missed the deadline. */
  public void close(DelegateExecution execution) {
    Consultation consultation = consultations.get(execution.getProcessBusinessKey());
    List<String> missed = consultations.closeRound(consultation.id(), consultation.round());
    Map<Answer, Long> answers = consultations.units(consultation.id(), consultation.round()).stream()
        .collect(Collectors.groupingBy(ConsultedUnit::answer, Collectors.counting()));
    String summary = "第 " + consultation.round() + " 轮：" + answers.getOrDefault(Answer.COMMENTED, 0L) + " 个单位提出意见，"
        + answers.getOrDefault(Answer.NO_COMMENT, 0L) + " 个单位无意见"
        + (missed.isEmpty() ? "" : "，" + missed.size() + " 个单位逾期未反馈（" + String.join("、", missed.stream().map(units::nameOf).toList()) + "）");
    consultations.setStage(consultation.id(), Stage.HANDLING);
    history.record(consultation.id(), Kind.ROUND_CLOSED, null, summary);
  }

  /** 启动下一轮征求: the same units again, on the revised draft, by the date the drafter set. */
  public void startNext(DelegateExecution execution) {
    Consultation consultation = consultations.get(execution.getProcessBusinessKey());
    List<String> unitIds = consultations.units(consultation.id(), consultation.round()).stream().map(ConsultedUnit::unitId).toList();
    int round = consultation.round() + 1;
    consultations.startRound(consultation.id(), round, consultation.commentDue(), unitIds);
    history.record(consultation.id(), Kind.ROUND_STARTED, null, "第 " + round + " 轮，征求 " + unitIds.size()
        + " 个单位对第 " + consultations.latestVersion(consultation.id()).number() + " 稿的意见，期限 " + consultation.commentDue());
  }

  /** 发布公开征求意见: the draft appears on the public page, open for comment until the closing day. */
  public void openPublic(DelegateExecution execution) {
    Consultation consultation = consultations.get(execution.getProcessBusinessKey());
    consultations.openPublicRound(consultation.id(), EngineClock.today());
    history.record(consultation.id(), Kind.PUBLIC_OPENED, null, EngineClock.today() + " 至 " + consultation.publicCloses()
        + " 在网站公开征求社会公众意见（第 " + consultations.latestVersion(consultation.id()).number() + " 稿）");
  }

  /** 结束公开征求: the form closes; the comments wait for moderation and handling. */
  public void closePublic(DelegateExecution execution) {
    Consultation consultation = consultations.get(execution.getProcessBusinessKey());
    long received = comments.of(consultation.id()).stream().filter(comment -> comment.source() == Source.PUBLIC).count();
    consultations.setStage(consultation.id(), Stage.PUBLIC_HANDLING);
    history.record(consultation.id(), Kind.PUBLIC_CLOSED, null, "公开征求意见结束，共收到公众意见 " + received + " 条");
  }
}
