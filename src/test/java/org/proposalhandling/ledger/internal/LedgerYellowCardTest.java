package org.proposalhandling.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger's yellow card (黄牌) falls on the day the process's timer gives it, with the kind's own setting. A
 * context of its own, so an engine of its own name: registered as "default" it would replace, in the JVM's
 * registry, the engine the webapps of the demo context address, and the browser tests after it found no user.
 */
@AppLayer
@SpringBootTest(properties = {"proposals.deadlines.kinds.MEMBER_PROPOSAL.yellow-warning-working-days=30",
    "camunda.bpm.process-engine-name=ledgerYellowCardTest"})
@ActiveProfiles("test")
class LedgerYellowCardTest {

  @Autowired ProcessEngine engine;

  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired Deadlines deadlines;
  @Autowired LedgerQuery ledger;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aMemberProposalIsYellowFromItsKindsWarningDayNotTheDefaultOne() {
    String number = "Y" + System.nanoTime();
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = driver.register(number);
    driver.accept(instance);
    driver.assign(instance, "jl-mz");
    Item item = items.get(instance.getBusinessKey());
    // 20 working days before the reply is due: inside the kind's 30, outside the default 10.
    LocalDate warned = deadlines.yellowWarningOn(item);
    LocalDate twentyBefore = deadlines.calendar().addWorkingDays(item.replyDue(), -20);
    assertThat(warned).isBefore(twentyBefore);

    assertThat(markOn(warned.minusDays(1), number)).isNull();
    assertThat(markOn(warned, number)).isEqualTo(LedgerRow.Mark.YELLOW);
    assertThat(markOn(twentyBefore, number)).isEqualTo(LedgerRow.Mark.YELLOW);
  }

  private LedgerRow.Mark markOn(LocalDate day, String number) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(org.proposalhandling.workflow.EngineClock.zone()).toInstant()));
    LedgerQuery.Page page = ledger.page(new LedgerScope(Set.of("jl-gov"), Set.of()), LedgerFilter.from(Map.of("q", number)));
    assertThat(page.rows()).hasSize(1);
    return page.rows().get(0).mark();
  }
}
