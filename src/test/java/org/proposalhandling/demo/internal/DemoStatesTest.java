package org.proposalhandling.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemHistory;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The demo holds an item in each state an office clerk must recognise, on the ledger or in the item's record. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoStatesTest {

  static final String SESSION = "省政协十三届四次会议";

  @LocalServerPort int port;
  @Autowired ItemRepository items;
  @Autowired ItemHistory history;
  @Autowired ProcessEngine engine;
  WebSession office;

  @BeforeEach
  void signIn() {
    office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
  }

  @Test
  void aYellowItemIsDueSoon() {
    assertThat(ledgerRowOf("0108")).contains("class=\"mark yellow\"");
  }

  @Test
  void anExtensionRequestWaitsForTheOfficesDecision() {
    assertThat(openTask(item(SESSION, "0108"), "Task_DecideExtension")).isOne();
  }

  @Test
  void aRedItemIsOverdueAndItsSupervisionWaitsForTheOffice() {
    assertThat(ledgerRowOf("0109")).contains("class=\"mark red\"");
    assertThat(openTask(item(SESSION, "0109"), "Task_Supervise")).isOne();
  }

  @Test
  void anOverdueItemHasBeenSupervised() {
    Item supervised = item(SESSION, "0110");
    assertThat(history.of(supervised.id())).extracting(ItemHistory.Entry::kind).contains(ItemEventKind.RED_WARNING, ItemEventKind.SUPERVISED);
  }

  @Test
  void aReplyCouldNotBeDelivered() {
    assertThat(item("市政协十四届五次会议", "0111").status()).isEqualTo(ItemStatus.DELIVERY_FAILED);
  }

  private String ledgerRowOf(String number) {
    String page = office.get("/items?q=" + number).body();
    int row = page.indexOf("【演示】", page.indexOf("<tbody"));
    assertThat(row).as(number + " on the ledger").isPositive();
    return page.substring(page.lastIndexOf("<tr", row), page.indexOf("</tr>", row));
  }

  private Item item(String session, String number) {
    return items.findBySessionAndNumber(session, number).orElseThrow();
  }

  private long openTask(Item item, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(item.id()).taskDefinitionKey(taskKey)
        .taskCandidateGroup("jl-gov-clerk").count();
  }
}
