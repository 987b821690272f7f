package org.proposalhandling.consultation.internal;

import java.util.List;
import org.proposalhandling.platform.Seeds;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's consultation in progress (seeds/demo/consultation.yaml), started as its drafter would start it,
 * so that the consulted units have comments to give. Here rather than in the demo module: starting one is
 * this module's own business. Only in the demo profile; started once.
 */
@Component
@Profile("demo")
@Order(4)
class DemoConsultation implements ApplicationRunner {

  record Seed(String title, String draftingUnit, String drafter, int commentDueInDays, List<String> units, String body) {
  }

  private final ConsultationStart start;
  private final Consultations consultations;

  DemoConsultation(ConsultationStart start, Consultations consultations) {
    this.start = start;
    this.consultations = consultations;
  }

  @Override
  public void run(ApplicationArguments args) {
    Seed seed = Seeds.yaml("demo/consultation.yaml", Seed.class);
    boolean started = consultations.involving(List.of(seed.draftingUnit())).stream()
        .anyMatch(consultation -> consultation.title().equals(seed.title()));
    if (!started) {
      start.start(new ConsultationStart.Draft(seed.title(), seed.draftingUnit(), seed.body(), seed.units(),
          EngineClock.today().plusDays(seed.commentDueInDays()), List.of()), seed.drafter());
    }
  }
}
