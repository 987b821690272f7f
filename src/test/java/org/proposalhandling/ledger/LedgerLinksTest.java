package org.proposalhandling.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Over HTTP, signed in: what the ledger leads to. The office's list links to 批量导入 and sends the checked
 * items to 批量交办's plan; the item's page links the delivered reply's letter, shows the publication's 索引号
 * and 发布日期, and marks a reply due date counted on a provisional holiday calendar.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LedgerLinksTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired Deadlines deadlines;

  @Test
  void theOfficePicksItemsInTheLedgerAndSeesTheirBatchAssignmentPlanFirst() {
    String number = "BA" + System.nanoTime();
    String id = new ItemDriver(engine, outbox).register(number).getBusinessKey();
    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");

    String list = office.get("/items?q=" + number).body();
    assertThat(list).contains("id=\"imports\"", "href=\"/imports\"", "action=\"/imports/assignments\"")
        .containsPattern("name=\"itemIds\" form=\"batch-assign\"\\s+value=\"" + id + "\"");
    HttpResponse<String> planned = office.postForm("/imports/assignments", Map.of("itemIds", id, "_csrf", WebSession.csrfOf(list)));

    assertThat(planned.statusCode()).isEqualTo(302);
    String plan = planned.headers().firstValue("Location").orElseThrow();
    assertThat(plan).contains("/imports/assignments/");
    assertThat(office.get(plan.substring(plan.indexOf("/imports/"))).body()).contains("批量交办", "确认交办");
    assertThat(items.get(id).status().name()).isEqualTo("REGISTERED");

    WebSession handler = new WebSession(port);
    handler.login("jlmz-handler", "demo");
    assertThat(handler.get("/items").body()).doesNotContain("batch-assign", "href=\"/imports\"");
  }

  @Test
  void aDeliveredAndPublishedReplyIsLinkedWithItsIndexNumber() {
    // The demo's D13: delivered and published on 2023-06-26 with its real index number.
    Item d13 = items.findBySessionAndNumber("省政协十三届一次会议", "D13").orElseThrow();
    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");

    String page = office.get("/items/" + d13.id()).body();

    assertThat(page).contains("href=\"/items/" + d13.id() + "/reply-1.pdf\"", "答复函（PDF）")
        .contains("11220000013544496H/2023-02116", "2023-06-26");
    assertThat(office.getBytes("/items/" + d13.id() + "/reply-1.pdf").statusCode()).isEqualTo(200);
  }

  @Test
  void aReplyDueDateOnTheProvisionalCalendarIsMarked() {
    // Assigned in October 2028, due in January 2029: no holiday file reaches that far. Assigned in March
    // 2025, due in June 2025: counted on the State Council's notice.
    String provisional = assignedOn("2028-10-09T10:00");
    String counted = assignedOn("2025-03-03T10:00");
    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");

    assertThat(deadlines.replyDueProvisional(items.get(provisional))).isTrue();
    assertThat(office.get("/items/" + provisional).body()).contains("id=\"provisional-due\"", "（暂定）");
    assertThat(office.get("/items/" + counted).body()).doesNotContain("provisional-due").doesNotContain("reply-1.pdf");
  }

  private String assignedOn(String beijingTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingTime).atZone(EngineClock.zone()).toInstant()));
    try {
      return new ItemDriver(engine, outbox).atDrafting("PV" + System.nanoTime(), "jl-mz").getBusinessKey();
    } finally {
      ClockUtil.reset();
    }
  }
}
