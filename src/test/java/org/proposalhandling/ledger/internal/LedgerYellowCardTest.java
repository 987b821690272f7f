package org.proposalhandling.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.proposalhandling.support.WebSession;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger's yellow card (黄牌) and the task card's 黄 fall on the day the process's timer gives them, with the
 * kind's own setting. A
 * context of its own, so an engine of its own name: registered as "default" it would replace, in the JVM's
 * registry, the engine the webapps of the demo context address, and the browser tests after it found no user.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"proposals.deadlines.kinds.MEMBER_PROPOSAL.yellow-warning-working-days=30",
    "camunda.bpm.process-engine-name=ledgerYellowCardTest"})
@ActiveProfiles({"test", "demo"})
class LedgerYellowCardTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

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

  @Test
  void aTaskCardIsYellowWithTheItemsKindAndInTheOfficesZone() throws Exception {
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = driver.register("Y" + System.nanoTime());
    driver.accept(instance);
    driver.assign(instance, "jl-mz");
    Item item = items.get(instance.getBusinessKey());
    LocalDate twentyBefore = deadlines.calendar().addWorkingDays(item.replyDue(), -20);
    ClockUtil.setCurrentTime(Date.from(twentyBefore.atTime(10, 0).atZone(EngineClock.zone()).toInstant()));
    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    handler.get("/camunda/app/tasklist/" + engine.getName() + "/");
    // 16:30 UTC of the day before the reply is due is already the due day in the office's zone.
    String dueAt = item.replyDue().minusDays(1) + "T16:30:00Z";

    JsonNode ofTheItem = due(handler, dueAt, instance.getId());
    assertThat(ofTheItem.get("day").asText()).isEqualTo(item.replyDue().toString());
    assertThat(ofTheItem.get("workingDaysLeft").asInt()).isEqualTo(20);
    assertThat(ofTheItem.get("mark").asText()).isEqualTo("黄");
    // Without an instance the user may read, the default's 10 working days: not yet yellow.
    assertThat(due(handler, dueAt, null).get("mark").asText()).isEmpty();
    assertThat(due(handler, dueAt, "guessed-" + instance.getId()).get("mark").asText()).isEmpty();
    assertThat(handler.get("/camunda/api/tasklistsupport/due?at=2026-13-45").statusCode()).isEqualTo(400);
  }

  private static JsonNode due(WebSession session, String at, String instance) throws Exception {
    var response = session.get("/camunda/api/tasklistsupport/due?at=" + at + (instance == null ? "" : "&instance=" + instance));
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private LedgerRow.Mark markOn(LocalDate day, String number) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(EngineClock.zone()).toInstant()));
    LedgerQuery.Page page = ledger.page(new LedgerScope(Set.of("jl-gov"), Set.of()), LedgerFilter.from(Map.of("q", number)));
    assertThat(page.rows()).hasSize(1);
    return page.rows().get(0).mark();
  }
}
