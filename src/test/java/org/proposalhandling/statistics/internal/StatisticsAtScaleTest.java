package org.proposalhandling.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistics at a national session's 15,000 items, of 长治 (the rows go straight into the tables with JDBC
 * batches: a fixture, not a story), counted right and timed: the office's and a unit's figures, and the page
 * over HTTP. Timings are printed for the benchmark record, not asserted (a shared 2-core machine).
 *
 * <p>Item n of the session: stage by n % 5 (会办及沟通, 起草答复, 已答复, 已办结, 待立案审查, 3,000 each), led by
 * 长治市民政局 from assignment on; co-handled by 省财政厅 when n % 3 == 0; a delivered reply (已答复, 已办结) of
 * category A/B/C by n % 3, late when n % 4 == 3; 满意 when closed and even, 不满意 when closed and odd; overdue
 * when in 会办及沟通 and n % 10 == 0; an extension granted to 长治市民政局 when n % 100 == 0.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsAtScaleTest {

  static final int ITEMS = 15_000;
  static final String[] STAGES = {"HANDLING", "DRAFTING", "REPLIED", "CLOSED", "REGISTERED"};

  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();
  @Autowired JdbcTemplate jdbc;
  @Autowired StatisticsQuery query;
  @Autowired UnitDirectory directory;
  final String session = "统计规模测试会议" + System.nanoTime();

  @BeforeAll
  void fifteenThousandItems() {
    LocalDate today = EngineClock.today();
    List<Object[]> items = new ArrayList<>();
    List<Object[]> coUnits = new ArrayList<>();
    List<Object[]> replies = new ArrayList<>();
    List<Object[]> dues = new ArrayList<>();
    List<Object[]> extensions = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (int n = 0; n < ITEMS; n++) {
      String id = UUID.randomUUID().toString();
      String stage = STAGES[n % STAGES.length];
      boolean assigned = !stage.equals("REGISTERED");
      boolean delivered = stage.equals("REPLIED") || stage.equals("CLOSED");
      LocalDate due = n % 10 == 0 ? today.minusDays(1) : today.plusDays(30);
      String satisfaction = stage.equals("CLOSED") ? (n % 2 == 0 ? "SATISFIED" : "UNSATISFIED") : null;
      items.add(new Object[] {id, "cz-gov", session, String.format("T%05d", n), "MEMBER_PROPOSAL",
          "关于城市建设第" + n + "号问题的建议", "提出人" + (n % 500), stage, assigned ? "cz-mz" : null,
          assigned ? java.sql.Date.valueOf(today.minusDays(60)) : null, assigned ? java.sql.Date.valueOf(due) : null,
          satisfaction, Timestamp.from(Instant.now().minusSeconds(n))});
      if (n % 3 == 0) {
        coUnits.add(new Object[] {id, "jl-cz"});
      }
      if (delivered) {
        replies.add(new Object[] {id, "答复正文", "ABC".substring(n % 3, n % 3 + 1), now, now});
        dues.add(new Object[] {id, java.sql.Date.valueOf(today.minusDays(10)), java.sql.Date.valueOf(today.minusDays(20)), n % 4 != 3});
      }
      if (n % 100 == 0) {
        extensions.add(new Object[] {id, "cz-mz", now});
      }
    }
    jdbc.batchUpdate("""
        insert into item (id, assigning_office_id, session_name, item_number, kind, title, proposer_name, status,
          lead_unit_id, assigned_on, reply_due, satisfaction, created_at, publication_consent, handling_round, key_item)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1, false)""", items);
    jdbc.batchUpdate("insert into item_co_unit (item_id, unit_id) values (?, ?)", coUnits);
    jdbc.batchUpdate("insert into reply (item_id, round, body, category, signed_at, delivered_at) values (?, 1, ?, ?, ?, ?)", replies);
    jdbc.batchUpdate("insert into stat_reply_due (item_id, round, reply_due, delivered_on, on_time) values (?, 1, ?, ?, ?)", dues);
    jdbc.batchUpdate("""
        insert into deadline_request (item_id, type, unit_id, reason, requested_at, approved)
        values (?, 'EXTENSION', ?, '需要调研', ?, true)""", extensions);
  }

  @Test
  void theOfficesFiguresOfTheSessionAreCountedRightAndInTime() {
    StatisticsScope office = new StatisticsScope("cz-gov", Set.of(), directory.jurisdictionOf("cz-gov"));
    StatisticsFilter filter = new StatisticsFilter(session, null, null, null);

    StatisticsQuery.Figures figures = timed("office, figures by session and unit", () -> query.figures(office, filter));
    Tally tally = figures.bySession().get(session);
    Map<String, Tally> units = figures.byUnit();
    timed("office, stages by unit", () -> query.stagesByUnit(office, filter));
    timed("office, replies per day", () -> query.days(office, filter));

    assertThat(tally.get(Figure.RECEIVED)).isEqualTo(ITEMS);
    assertThat(tally.get(Figure.ASSIGNED)).isEqualTo(ITEMS * 4 / 5);
    assertThat(tally.get(Figure.CO_HANDLED)).isEqualTo(ITEMS / 3);
    assertThat(tally.get(Figure.DELIVERED)).isEqualTo(ITEMS * 2 / 5);
    assertThat(tally.get(Figure.CLOSED)).isEqualTo(ITEMS / 5);
    assertThat(tally.get(Figure.AWAITING_FEEDBACK)).isEqualTo(ITEMS / 5);
    assertThat(tally.get(Figure.LATE)).isEqualTo(ITEMS / 10);             // n % 20 is 7 or 3
    assertThat(tally.get(Figure.ON_TIME)).isEqualTo(ITEMS * 3 / 10);
    assertThat(tally.get(Figure.CATEGORY_A)).isEqualTo(ITEMS * 2 / 15);   // n % 15 is 12 or 3
    assertThat(tally.get(Figure.SATISFIED)).isEqualTo(ITEMS / 10);
    assertThat(tally.get(Figure.UNSATISFIED)).isEqualTo(ITEMS / 10);
    assertThat(tally.get(Figure.OVERDUE)).isEqualTo(ITEMS / 10);          // n % 10 == 0 are all in 会办及沟通
    assertThat(tally.get(Figure.EXTENSIONS)).isEqualTo(ITEMS / 100);
    assertThat(units.get("cz-mz").get(Figure.ASSIGNED)).isEqualTo(ITEMS * 4 / 5);
    assertThat(units.get("cz-mz").get(Figure.EXTENSIONS)).isEqualTo(ITEMS / 100);
    // 省财政厅 co-handles the assigned ones among every third.
    assertThat(units.get("jl-cz").get(Figure.CO_HANDLED)).isEqualTo(ITEMS / 3 - ITEMS / 15);
  }

  @Test
  void aUnitsFiguresAndThePagesAnswerInTime() {
    StatisticsScope unit = new StatisticsScope(null, Set.of("cz-mz"), List.of(directory.find("cz-mz").orElseThrow()));
    StatisticsFilter filter = new StatisticsFilter(session, null, null, null);

    StatisticsQuery.Figures figures = timed("unit, figures by session and unit", () -> query.figures(unit, filter));
    Tally tally = figures.bySession().get(session);
    assertThat(figures.byUnit()).containsOnlyKeys("cz-mz");

    assertThat(tally.get(Figure.RECEIVED)).isEqualTo(ITEMS * 4 / 5);
    assertThat(tally.get(Figure.OVERDUE)).isEqualTo(ITEMS / 10);
    String query = "?session=" + URLEncoder.encode(session, StandardCharsets.UTF_8);
    assertThat(timed("office, the page over HTTP", () -> get("czgov-clerk", "/statistics" + query))).isEqualTo(200);
    assertThat(timed("unit, the page over HTTP", () -> get("czmz-handler", "/statistics" + query))).isEqualTo(200);
    assertThat(timed("office, all sessions over HTTP", () -> get("czgov-clerk", "/statistics"))).isEqualTo(200);
    assertThat(timed("office, the workbook over HTTP", () -> get("czgov-clerk", "/statistics.xlsx" + query))).isEqualTo(200);
  }

  private int get(String user, String path) {
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
          .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The first run and a second one printed: H2 may answer an unchanged query from its last result. */
  private static <T> T timed(String what, Supplier<T> call) {
    long started = System.nanoTime();
    call.get();
    long first = (System.nanoTime() - started) / 1_000_000;
    started = System.nanoTime();
    T result = call.get();
    System.out.printf("STATISTICS BENCHMARK %s at %d items: first %d ms, again %d ms%n", what, ITEMS, first,
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }
}
