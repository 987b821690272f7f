package org.proposalhandling.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.Reply;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo's seed cases went through the process on their real dates and carry their real numbers. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DemoSeedCasesTest {

  record SeedCase(String session, String number, String documentNumber, LocalDate written, String letterDate) {
  }

  static final List<SeedCase> CASES = List.of(
      new SeedCase("省十四届人大一次会议", "0044", "吉民议字〔2023〕2号", LocalDate.of(2023, 6, 5), "2023年6月5日"),
      new SeedCase("省政协十三届一次会议", "D13", "吉民议字〔2023〕10号", LocalDate.of(2023, 6, 14), "2023年6月14日"),
      new SeedCase("省政协十三届一次会议", "Z1", "吉民议字〔2023〕27号", LocalDate.of(2023, 11, 23), "2023年11月23日"),
      new SeedCase("市政协十四届三次会议", "14146", "长民函〔2024〕53号", LocalDate.of(2024, 9, 30), "2024年9月30日"));

  @LocalServerPort int port;
  @Autowired ItemRepository items;
  @Autowired ReplyRepository replies;
  @Autowired Publications publications;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;

  @Test
  void theSeedCasesAreDeliveredWithTheirRealNumbersDatesAndLetters() throws Exception {
    Http http = new Http(port);
    for (SeedCase seed : CASES) {
      Item item = items.findBySessionAndNumber(seed.session(), seed.number()).orElseThrow();
      Reply reply = replies.get(item.id(), 1);
      assertThat(reply.documentNumber()).as(seed.number()).isEqualTo(seed.documentNumber());
      assertThat(ReplyLetterSource.writtenOn(reply)).as(seed.number()).isEqualTo(seed.written());
      assertThat(reply.deliveredAt()).as(seed.number()).isNotNull();
      // Delivered, and then the feedback deadlines ran out on their own dates: 未反馈, closed, nothing left open.
      assertThat(item.status()).as(seed.number()).isEqualTo(ItemStatus.CLOSED);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(item.id()).count()).isZero();
      assertThat(eventDates(item.id())).as(seed.number()).allMatch(date -> date.isBefore(seed.written().plusYears(1)));

      Publication publication = publications.of(item.id(), 1).orElseThrow();
      assertThat(publication.documentNumber()).isEqualTo(seed.documentNumber());
      assertThat(publication.writtenOn()).isEqualTo(seed.written());
      String letter = Http.pdfText(http.get("/public/replies/" + publication.id() + ".pdf", null).body());
      assertThat(letter).as(seed.number()).contains(seed.documentNumber(), seed.letterDate());
    }
  }

  @Test
  void d13HasItsRealIndexNumberAndPublicationDateAndTheMetadataOfSeed000() throws Exception {
    Item d13 = items.findBySessionAndNumber("省政协十三届一次会议", "D13").orElseThrow();
    Publication publication = publications.of(d13.id(), 1).orElseThrow();
    assertThat(publication.indexNumber()).isEqualTo("11220000013544496H/2023-02116");
    assertThat(publication.publishedOn()).isEqualTo(LocalDate.of(2023, 6, 26));

    String page = new Http(port).getText("/public/replies/" + publication.id(), null).body();
    assertThat(page).contains("11220000013544496H/2023-02116", "党派团体提案;议案", "吉林省民政厅", "2023-06-14",
        "对省政协十三届一次会议第D13号党派团体提案的答复", "吉民议字〔2023〕10号", "2023-06-26", "民建省委会：",
        "贵单位在省政协十三届一次会议上提出的");
  }

  @Test
  void theChangzhiLetterNamesItsOfficialHandlerAndPhone() throws Exception {
    Item item = items.findBySessionAndNumber("市政协十四届三次会议", "14146").orElseThrow();
    Publication publication = publications.of(item.id(), 1).orElseThrow();
    String letter = Http.pdfText(new Http(port).get("/public/replies/" + publication.id() + ".pdf", null).body());
    assertThat(letter).contains("长民函〔2024〕53号", "尊敬的秦清亮委员", "负责人：张斌", "承办人：延思超", "联系电话：3028425",
        "此件主动公开");
    assertThat(publication.indexNumber()).isEqualTo("统一社会信用代码未登记/2024-00001");
  }

  @Test
  void theInventedCurrentItemsGiveWorkAtEveryStageAndNothingIsDueInThePast() {
    List<Task> open = engine.getTaskService().createTaskQuery().list();
    assertThat(open.stream().map(Task::getTaskDefinitionKey)).contains("Task_AcceptanceReview", "Task_Assignment",
        "Task_CoHandlingOpinion", "Task_ContactRecord", "Task_DraftReply", "Task_ReviewReply", "Task_SignOff", "Task_Feedback");
    LocalDate today = EngineClock.today();
    // Except the two that the demo shows overdue on purpose (demo.internal.DemoStatesTest).
    for (String demoItem : jdbc.sql("select id from item where title like '【演示】%' and item_number not in ('0109', '0110')").query(String.class).list()) {
      Item item = items.get(demoItem);
      assertThat(item.filedOn()).isAfter(today.minusMonths(3));
      if (item.replyDue() != null) {
        assertThat(item.replyDue()).as(item.number()).isAfter(today);
      }
      engine.getTaskService().createTaskQuery().processInstanceBusinessKey(demoItem).list().stream()
          .filter(task -> task.getDueDate() != null)
          .forEach(task -> assertThat(task.getDueDate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate())
              .as(item.number() + " " + task.getTaskDefinitionKey()).isAfterOrEqualTo(today));
    }
  }

  /**
   * The dates of the item's steps. Not its texts' delivery records: the demo replays the seed's history at its own
   * dates, and the texts that history caused go out, as its mails do, when the demo loads.
   */
  private List<LocalDate> eventDates(String itemId) {
    return jdbc.sql("select occurred_at from item_event where item_id = ?"
            + " and kind not in ('SMS_SENT', 'SMS_DELIVERED', 'SMS_FAILED')").param(itemId).query((rs, row) ->
        LocalDate.ofInstant(rs.getTimestamp("occurred_at").toInstant(), EngineClock.zone())).list();
  }
}
