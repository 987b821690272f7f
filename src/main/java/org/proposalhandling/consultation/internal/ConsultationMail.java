package org.proposalhandling.consultation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.consultation.internal.ConsultedUnit.Answer;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.People.Person;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The mails to consulted units, in the handling process's deadline-notice template: the request for
 * comments when a round starts, and the reminder to those still silent some working days before its
 * deadline. Public because the process calls it from expressions.
 */
@Component("consultationMail")
public class ConsultationMail {

  static final String TEMPLATE = "deadline-notice";

  private final Consultations consultations;
  private final ConsultationHistory history;
  private final UnitDirectory units;
  private final People people;
  private final Mailer mailer;
  private final Deadlines deadlines;

  ConsultationMail(Consultations consultations, ConsultationHistory history, UnitDirectory units, People people,
                   Mailer mailer, Deadlines deadlines) {
    this.consultations = consultations;
    this.history = history;
    this.units = units;
    this.people = people;
    this.mailer = mailer;
    this.deadlines = deadlines;
  }

  /** 通知征求意见单位: each unit asked in this round. */
  public void requestComments(DelegateExecution execution) {
    Consultation consultation = consultations.get(execution.getProcessBusinessKey());
    mailPending(consultation, pending(consultation), "【征求意见】", "，请反馈意见",
        units.nameOf(consultation.draftingUnitId()) + "起草了本草案，现征求贵单位意见。请在期限内登录系统，"
            + "在待办任务中提出书面意见；没有意见的，也请反馈「无意见」。逾期未反馈的，视为无意见。");
  }

  /** 催告未反馈单位: units that have not answered some working days before the deadline. */
  public void remind(DelegateExecution execution) {
    Consultation consultation = consultations.get(execution.getProcessBusinessKey());
    List<String> pending = pending(consultation);
    int sent = mailPending(consultation, pending, "【催告】", "，征求意见即将截止",
        "征求意见将于 " + consultation.commentDue() + " 截止，贵单位尚未反馈。请抓紧提出意见或反馈「无意见」。");
    if (sent > 0) {
      history.record(consultation.id(), Kind.REMINDED, null, "已催告 " + String.join("、", pending.stream().map(units::nameOf).toList()));
    }
  }

  private int mailPending(Consultation consultation, List<String> pending, String heading, String subjectTail, String message) {
    int sent = 0;
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("起草单位", units.nameOf(consultation.draftingUnitId()));
    facts.put("征求轮次", "第 " + consultation.round() + " 轮");
    facts.put("反馈期限", consultation.commentDue());
    facts.put("剩余工作日", Math.max(0, deadlines.calendar().workingDaysBetween(EngineClock.today(), consultation.commentDue())));
    for (String unitId : pending) {
      for (Person person : people.withEmailIn(Role.HANDLER.groupOf(unitId))) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("recipient", person.name());
        model.put("reference", "《" + consultation.title() + "》");
        model.put("item", consultation);
        model.put("keyItem", false);
        model.put("message", message);
        model.put("facts", new ArrayList<>(facts.entrySet()));
        mailer.send(new Mail(consultation.id(), TEMPLATE, person.email(), List.of(),
            heading + "《" + consultation.title() + "》" + subjectTail, model));
        sent++;
      }
    }
    return sent;
  }

  private List<String> pending(Consultation consultation) {
    return consultations.units(consultation.id(), consultation.round()).stream()
        .filter(unit -> unit.answer() == Answer.PENDING).map(ConsultedUnit::unitId).toList();
  }
}
