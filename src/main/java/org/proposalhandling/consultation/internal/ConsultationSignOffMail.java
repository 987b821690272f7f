package org.proposalhandling.consultation.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultationHistory.Kind;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.People.Person;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.mail.Mail;
import org.proposalhandling.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * 请负责人签发: each responsible official of the drafting unit gets a mail with the final draft and the
 * 起草说明, and two links of his own, which complete the sign-off task through the same link pages as a
 * reply's (see {@link ConsultationSignOffLinkController}); the links of an earlier request stop working.
 */
@Component("consultationSignOffMail")
class ConsultationSignOffMail implements JavaDelegate {

  static final String PURPOSE = "CONSULTATION_SIGN_OFF";
  static final String SIGN_OFF_TASK = "Task_SignOff";

  private final Consultations consultations;
  private final ConsultationHistory history;
  private final UnitDirectory units;
  private final People people;
  private final LinkTokens tokens;
  private final Mailer mailer;

  ConsultationSignOffMail(Consultations consultations, ConsultationHistory history, UnitDirectory units, People people,
                          LinkTokens tokens, Mailer mailer) {
    this.consultations = consultations;
    this.history = history;
    this.units = units;
    this.people = people;
    this.tokens = tokens;
    this.mailer = mailer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Consultation consultation = consultations.get(execution.getProcessBusinessKey());
    consultations.setStage(consultation.id(), Stage.SIGNING);
    Consultations.Version version = consultations.latestVersion(consultation.id());
    tokens.supersede(PURPOSE, consultation.id());
    List<Person> officials = people.withEmailIn(Role.OFFICIAL.groupOf(consultation.draftingUnitId()));
    for (Person official : officials) {
      LinkTokens.DecisionLinks links = tokens.decisionLinks(mailer.publicUrl() + "/links/consultation-sign-off/", PURPOSE, consultation.id(), SIGN_OFF_TASK,
          official.id());
      Map<String, Object> model = new HashMap<>();
      model.put("official", official.name());
      model.put("unit", units.nameOf(consultation.draftingUnitId()));
      model.put("consultation", consultation);
      model.put("version", version.number());
      model.put("draft", version.body());
      model.put("explanation", consultation.explanation());
      model.put("approveUrl", links.approveUrl());
      model.put("returnUrl", links.returnUrl());
      mailer.send(new Mail(consultation.id(), "consultation-sign-off", official.email(), List.of(),
          "【待签发】《" + consultation.title() + "》（送审稿）", model));
    }
    history.record(consultation.id(), Kind.SIGN_OFF_REQUESTED, null, officials.isEmpty()
        ? "负责人无电子邮箱，请在待办中签发"
        : "已发邮件请" + String.join("、", officials.stream().map(Person::name).toList()) + "签发");
  }
}
