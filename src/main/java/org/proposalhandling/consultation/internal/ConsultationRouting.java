package org.proposalhandling.consultation.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.proposalhandling.consultation.internal.Consultation.Stage;
import org.proposalhandling.consultation.internal.ConsultedUnit.Answer;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.directory.Role;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * What the consultation process routes on and when its timers fire, read from the consultation's records
 * (never from variables a client could write): "${consultationRouting.drafters(execution)}". Public because
 * the process calls it from expressions.
 */
@Component("consultationRouting")
public class ConsultationRouting {

  private final Consultations consultations;
  private final Deadlines deadlines;
  private final ConsultationProperties properties;

  ConsultationRouting(Consultations consultations, Deadlines deadlines, ConsultationProperties properties) {
    this.consultations = consultations;
    this.deadlines = deadlines;
    this.properties = properties;
  }

  /** The units of the current round that have not answered yet: one comment task each. */
  public List<String> unitsToConsult(DelegateExecution execution) {
    Consultation consultation = consultation(execution);
    return consultations.units(consultation.id(), consultation.round()).stream()
        .filter(unit -> unit.answer() == Answer.PENDING).map(ConsultedUnit::unitId).toList();
  }

  public Date commentDue(DelegateExecution execution) {
    return Deadlines.endOf(consultation(execution).commentDue());
  }

  /**
   * The reminder to units that have not answered: some working days before the deadline. A round shorter than
   * that is reminded on the first working day after today, the day after the request, or on the due day itself
   * where no working day comes before it: a unit expects a reminder before the round closes, and the request
   * and its reminder in one mail run would be one mail too many.
   */
  public Date reminderAt(DelegateExecution execution) {
    LocalDate due = consultation(execution).commentDue();
    LocalDate remindOn = deadlines.calendar().addWorkingDays(due, -properties.reminderWorkingDays());
    if (!remindOn.isAfter(EngineClock.today())) {
      LocalDate nextWorkingDay = deadlines.calendar().addWorkingDays(EngineClock.today(), 1);
      remindOn = nextWorkingDay.isAfter(due) ? due : nextWorkingDay;
    }
    return Deadlines.startOf(remindOn);
  }

  /** The round closes, with or without the units that have not answered, at the first moment after its due day. */
  public Date roundClosesAt(DelegateExecution execution) {
    return Deadlines.startOf(consultation(execution).commentDue().plusDays(1));
  }

  public Date publicClosesAt(DelegateExecution execution) {
    return Deadlines.startOf(consultation(execution).publicCloses().plusDays(1));
  }

  public String drafters(DelegateExecution execution) {
    return Role.HANDLER.groupOf(consultation(execution).draftingUnitId());
  }

  public String officials(DelegateExecution execution) {
    return Role.OFFICIAL.groupOf(consultation(execution).draftingUnitId());
  }

  /** What the drafter chose after handling the comments (recorded by the handling form, checked there). */
  public String next(DelegateExecution execution) {
    return consultation(execution).nextStep().name();
  }

  public boolean signedOff(DelegateExecution execution) {
    return consultation(execution).stage() == Stage.SIGNED;
  }

  private Consultation consultation(DelegateExecution execution) {
    return consultations.get(execution.getProcessBusinessKey());
  }
}
