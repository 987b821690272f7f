package org.proposalhandling.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
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
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ledger's query at 15,000 items (a national session's proposals; a province has ten times fewer): each
 * page, filter and search answers, and the export streams them all. The rows go straight
 * into the table (a fixture, not a story: no process), under an office of their own, so that no other test's
 * list sees them. Timings are printed for the benchmark record; no test asserts a time, the benchmark judges them.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerAtScaleTest {

  static final int ITEMS = 15_000;

  @LocalServerPort int port;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;
  final HttpClient http = HttpClient.newHttpClient();
  @Autowired JdbcTemplate jdbc;
  @Autowired LedgerQuery ledger;
  @Autowired LedgerExport export;
  final String session = "规模测试会议" + System.nanoTime();

  @BeforeAll
  void fifteenThousandItemsOfChangzhi() {
    LocalDate today = EngineClock.today();
    List<Object[]> items = new ArrayList<>();
    List<Object[]> coUnits = new ArrayList<>();
    String[] stages = {"HANDLING", "DRAFTING", "IN_REVIEW", "REPLIED", "CLOSED"};
    for (int n = 0; n < ITEMS; n++) {
      String id = UUID.randomUUID().toString();
      items.add(new Object[] {id, "cz-gov", session, String.format("S%05d", n), "MEMBER_PROPOSAL",
          "关于第" + n + "项民生事务的建议", "提出人" + (n % 500), stages[n % stages.length], "cz-mz", n % 50 == 0,
          java.sql.Date.valueOf(today.minusDays(n % 200)), java.sql.Date.valueOf(today.minusDays(n % 200).plusDays(90)),
          Timestamp.from(Instant.now().minusSeconds(n))});
      if (n % 3 == 0) {
        coUnits.add(new Object[] {id, "jl-cz"});
      }
    }
    jdbc.batchUpdate("""
        insert into item (id, assigning_office_id, session_name, item_number, kind, title, proposer_name, status,
          lead_unit_id, key_item, assigned_on, reply_due, created_at, publication_consent, handling_round)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, 1)""", items);
    jdbc.batchUpdate("insert into item_co_unit (item_id, unit_id) values (?, ?)", coUnits);
    rebuildSearchIndex();
  }

  /**
   * The rows went straight into the tables, past the item history the search index follows: the index is
   * rebuilt as an administrator has it rebuilt after a restore (the ledger's search reads it).
   */
  private void rebuildSearchIndex() {
    assertThat(send(HttpRequest.newBuilder(api("/api/search/rebuild")).POST(HttpRequest.BodyPublishers.noBody())
        .header("Authorization", basic("admin", adminPassword)).build()).statusCode()).isEqualTo(202);
    long until = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
    while (new String(send(HttpRequest.newBuilder(api("/api/search/rebuild")).GET()
        .header("Authorization", basic("admin", adminPassword)).build()).body(), StandardCharsets.UTF_8).contains("\"running\":true")) {
      assertThat(System.nanoTime()).as("the index rebuilt within 5 minutes").isLessThan(until);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void everyPageFilterAndSearchAnswersWithinTheBudget() {
    LedgerScope office = new LedgerScope(Set.of("cz-gov"), Set.of());
    LedgerScope unit = new LedgerScope(Set.of(), Set.of("cz-mz"));
    assertThat(timed("office, first page", () -> ledger.page(office, filter(Map.of("session", session)))).total())
        .isEqualTo(ITEMS);
    timed("office, page 300 by due date", () -> ledger.page(office, filter(Map.of("sort", "due", "page", "300"))));
    assertThat(timed("office, overdue", () -> ledger.page(office, filter(Map.of("overdue", "true")))).total()).isPositive();
    timed("office, due within 10 working days", () -> ledger.page(office, filter(Map.of("dueWithin", "10"))));
    // Within the session: other classes' items of the shared context may have such numbers and titles too.
    assertThat(timed("search by number", () -> ledger.page(office, filter(Map.of("q", "S01234", "session", session)))).rows())
        .extracting(LedgerRow::number).containsExactly("S01234");
    assertThat(timed("search by title", () -> ledger.page(office, filter(Map.of("q", "第777项", "session", session)))).total())
        .isEqualTo(1);
    timed("search by proposer", () -> ledger.page(office, filter(Map.of("q", "提出人42"))));
    assertThat(timed("unit, open items", () -> ledger.page(unit, filter(Map.of("state", "open")))).total()).isPositive();
    // Every third item is co-handled by 省财政厅, but a unit does not see it in a stage before assignment.
    assertThat(timed("co-handling unit", () -> ledger.page(new LedgerScope(Set.of(), Set.of("jl-cz")),
        filter(Map.of("session", session)))).total()).isEqualTo(ITEMS / 3);
  }

  /**
   * The unit's list of its thousands of open items, page after page (each page another query, so that no
   * result cache flatters it), in the database and over HTTP as its handler: the 95th percentile printed.
   */
  @Test
  void aUnitsListOfThousandsOfOpenItemsPageAfterPage() {
    LedgerScope unit = new LedgerScope(Set.of(), Set.of("cz-mz"));
    List<Long> query = new ArrayList<>();
    List<Long> http = new ArrayList<>();
    for (int page = 1; page <= 40; page++) {
      Map<String, String> params = Map.of("state", "open", "sort", "due", "page", String.valueOf(page));
      long started = System.nanoTime();
      assertThat(ledger.page(unit, filter(params)).rows()).isNotEmpty();
      query.add((System.nanoTime() - started) / 1_000_000);
      started = System.nanoTime();
      assertThat(get("czmz-handler", "/items?state=open&sort=due&page=" + page).statusCode()).isEqualTo(200);
      http.add((System.nanoTime() - started) / 1_000_000);
    }
    assertThat(ledger.page(unit, filter(Map.of("state", "open", "session", session))).total()).isEqualTo(ITEMS * 4 / 5);
    System.out.printf("LEDGER BENCHMARK unit's open items, 40 pages: query p95 %d ms, page over HTTP p95 %d ms (max %d)%n",
        p95(query), p95(http), http.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  @Test
  void theExportOverHttpStreamsTheSession() {
    long started = System.nanoTime();
    HttpResponse<byte[]> response = get("czgov-clerk", "/items/export?session=" + URLEncoder.encode(session, StandardCharsets.UTF_8));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(response.statusCode()).isEqualTo(200);
    System.out.printf("LEDGER BENCHMARK export over HTTP of %d items: %d ms, %d KB%n", ITEMS, millis, response.body().length / 1024);
    assertThat(response.body().length).isGreaterThan(100_000);
  }

  @Test
  void theExportStreamsAllFifteenThousand() {
    long[] bytes = {0};
    long started = System.nanoTime();
    try (OutputStream counting = new OutputStream() {
      @Override
      public void write(int b) {
        bytes[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        bytes[0] += len;
      }
    }) {
      export.write(new LedgerScope(Set.of("cz-gov"), Set.of()), filter(Map.of("session", session)), counting);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("LEDGER BENCHMARK export of %d items: %d ms, %d KB%n", ITEMS, millis, bytes[0] / 1024);
    assertThat(bytes[0]).isGreaterThan(100_000);
  }

  private HttpResponse<byte[]> get(String user, String path) {
    return send(HttpRequest.newBuilder(api(path)).header("Authorization", basic(user, "demo")).GET().build());
  }

  private URI api(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long p95(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
  }

  private static LedgerFilter filter(Map<String, String> params) {
    return LedgerFilter.from(params);
  }

  private static <T> T timed(String what, Supplier<T> query) {
    query.get();
    long started = System.nanoTime();
    T result = query.get();
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("LEDGER BENCHMARK %s at %d items: %d ms%n", what, ITEMS, millis);
    return result;
  }
}
