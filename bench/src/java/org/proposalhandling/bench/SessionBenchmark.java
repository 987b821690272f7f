package org.proposalhandling.bench;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.proposalhandling.bench.Phases.Phase;
import org.proposalhandling.bench.Session.Planned;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of a national session (issue #20, docs/benchmarks.md): N items imported and assigned over 210
 * units, every item driven through its whole cycle by its users over HTTP with the job executor running, the
 * pages timed while every item is open, then the same cycle on a bare engine as the baseline. Run only by
 * {@code mvn -B -Pbench verify -Dbench.items=1000 [-Dbench.db=mariadb] [-Dbench.mode=intake|two-nodes]}; figures in target/bench/results.md.
 */
class SessionBenchmark {

  static final Logger LOG = LoggerFactory.getLogger(SessionBenchmark.class);
  static final int CLIENTS = 4;

  @Test
  void aNationalSession() {
    int size = Integer.getInteger("bench.items", 15_000);
    // full: intake, pages, the whole cycle, and the bare engine's baseline. intake: the intake and the pages only
    // (import, assignment, page timings with every item open) against the bare engine's intake, for N = 15,000
    // within a working day; the cycle at that N takes hours on two cores. two-nodes (MariaDB): the cycle of half
    // the items on the web node alone, then of the other half with a second node running jobs beside it.
    String mode = System.getProperty("bench.mode", "full");
    boolean cycle = mode.equals("full");
    if (!List.of("full", "intake", "two-nodes", "pages").contains(mode)) {
      throw new IllegalArgumentException("bench.mode is full, intake, two-nodes or pages, not " + mode);
    }
    BenchDatabase database = BenchDatabase.of(System.getProperty("bench.db", "embedded"), !mode.equals("pages"));
    if (mode.equals("pages")) {
      pagesAgain(database);
      return;
    }
    database.reset("app");
    database.reset("baseline");
    Report report = new Report();
    Map<String, Phase> appPhases = Map.of();
    Duration appImport;
    String history;
    List<String> units;
    int smtpPort = AppNode.freePort();
    try (Heap heap = new Heap(); AppNode node = AppNode.startWeb(database, smtpPort)) {
      ProcessEngine engine = node.engine();
      history = engine.getProcessEngineConfiguration().getHistory();
      JdbcClient jdbc = node.bean(JdbcClient.class);
      units = node.bean(UnitDirectory.class).jurisdictionOf("jl-gov").stream().map(Unit::id).toList();
      AppCycle.createStaff(engine.getIdentityService(), units);
      Session session = new Session(size, units);
      Counts before = Counts.of(jdbc, database.tableBytes("app"));
      AppCycle app = new AppCycle(node);
      Pages pages = new Pages(node);
      // The demo's SMTP catcher runs in the app's JVM and keeps every mail (about 24 an item, reply letter PDFs
      // among them): at 1,000 items they filled the 512 MB heap, and at 5,000 one phase's mails did (2,663 held,
      // 270 MB, in the sign-off). Emptied every 10 s and after each phase; the harness reads the links from the
      // outbox's rows, not from the catcher.
      GreenMail catcher = node.bean(GreenMail.class);
      try (Purging purging = new Purging(() -> empty(catcher));
           Phases phases = new Phases(CLIENTS, () -> quiet(engine), () -> empty(catcher))) {
        long start = System.nanoTime();
        UnitDirectory directory = node.bean(UnitDirectory.class);
        String importId = app.importSession(session.importFile(directory::nameOf), size);
        phases.awaitQuiet("the import");
        Duration imported = Duration.ofNanos(System.nanoTime() - start);
        app.assign(importId, size);
        phases.awaitQuiet("the assignment");
        appImport = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("{} items imported in {} s, imported and assigned in {} s", size, imported.toSeconds(), appImport.toSeconds());
        empty(catcher);
        app.findItems(session.items());
        pages.measure(50, 30, 10);
        if (mode.equals("intake")) {
          intakeReport(report, size, units.size(), database, history, appImport, pages, heap, before, Counts.of(jdbc, database.tableBytes("app")));
        } else if (mode.equals("two-nodes")) {
          twoNodes(report, database, smtpPort, node, app, () -> quiet(engine), () -> empty(catcher), session.items());
        } else {
          Cycle.run(app, phases, session.items());
          appPhases = phases.done();
        }
      }
      if (cycle) {
        cycleReport(report, size, units.size(), database, history, appImport, pages, heap, app.completion, jdbc, before, session);
      }
    }
    if (mode.equals("intake")) {
      BenchDatabase restarted = database.restarted();
      afterRestart(report, restarted, size);
      bareIntake(report, restarted, history, size, units);
      return;
    }
    if (mode.equals("two-nodes")) {
      report.write(Path.of("target/bench/results.md"));
      return;
    }
    bareCycle(report, database, history, size, units, appPhases);
  }

  private static void cycleReport(Report report, int size, int unitCount, BenchDatabase database, String history,
                                  Duration appImport, Pages pages, Heap heap, Timings appCompletion, JdbcClient jdbc,
                                  Counts before, Session session) {
    long closed = jdbc.sql("select count(*) from item where session_name = ? and status = 'CLOSED'")
        .param(Session.NAME).query(Long.class).single();
    if (closed != size) {
      throw new IllegalStateException(closed + " of " + size + " items closed");
    }
    Counts after = Counts.of(jdbc, database.tableBytes("app"));
    long textBytes = session.items().stream().mapToLong(Planned::textBytes).sum();
    report.title("App: " + size + " items on " + (database.embedded() != null ? "the embedded MariaDB" : "MariaDB") + ", " + unitCount + " units")
        .row("machine", "%d cores, %s %s, Java %s", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
            System.getProperty("os.arch"), System.getProperty("java.version"))
        .row("history level", history)
        .row("import + batch assignment", "%.1f s (%.1f items/s)", appImport.toMillis() / 1000.0, size * 1000.0 / appImport.toMillis());
    pages.rows(report, ", " + size + " items open")
        .row("task completion p50/p95/p99", appCompletion.summary())
        .row("heap: max / peak used (garbage included) / peak after a collection / live at end", heap.summary())
        .row("database bytes per closed item", "%d (texts %d: %.1fx)", (after.bytes() - before.bytes()) / size, textBytes / size,
            (after.bytes() - before.bytes()) / (double) textBytes)
        .row("database bytes per closed item, by table (above 1 % of the growth)", after.bytesPerItemByTable(before, size))
        .row("data folder bytes per closed item (the database's files on disk, demo data included)", "%d",
            database.folderBytes("app") / size)
        .row("authorization rows per closed item", "%.1f", (after.authorizations() - before.authorizations()) / (double) size)
        .row("authorization rows per closed item, by resource", after.authorizationsPerItemByResource(before, size))
        .row("historic variables / details / tasks / activities per item", "%.1f / %.1f / %.1f / %.1f",
            (after.variables - before.variables) / (double) size, (after.details - before.details) / (double) size,
            (after.tasks - before.tasks) / (double) size, (after.activities - before.activities) / (double) size)
        .end();
  }

  /** The baseline of the whole run: the bare engine takes the same items through the same phases. */
  private static void bareCycle(Report report, BenchDatabase database, String history, int size, List<String> units,
                                Map<String, Phase> appPhases) {
    try (BareEngine bare = new BareEngine(database, history); Phases phases = new Phases(CLIENTS, () -> bareQuiet(bare))) {
      Session session = new Session(size, units);
      long start = System.nanoTime();
      phases.run("register", session.items(), bare::register);
      phases.run("accept and assign", session.items(), bare::acceptAndAssign);
      Duration bareImport = Duration.ofNanos(System.nanoTime() - start);
      long bytesBefore = database.bytes("baseline");
      try (Phases cycle = new Phases(CLIENTS, () -> bareQuiet(bare))) {
        Cycle.run(bare, cycle, session.items());
        report.title("Baseline: bare engine, same items and shape, history " + history)
            .row("register + accept + assign", "%.1f s", bareImport.toMillis() / 1000.0)
            .row("task completion p50/p95/p99", bare.completion.summary())
            .row("database bytes per item (cycle)", "%d", (database.bytes("baseline") - bytesBefore) / size)
            .row("data folder bytes per closed item (the database's files on disk)", "%d", database.folderBytes("baseline") / size)
            .end();
        report.title("Phases: app / baseline");
        Duration appTotal = Duration.ZERO;
        for (Phase phase : appPhases.values()) {
          Phase base = cycle.done().get(phase.name());
          report.row(phase.name(), "%.1f s (%.1f items/s) / %.1f s (%.1f items/s) = %.2fx", phase.took().toMillis() / 1000.0,
              phase.perSecond(), base.took().toMillis() / 1000.0, base.perSecond(),
              phase.took().toMillis() / (double) Math.max(1, base.took().toMillis()));
          appTotal = appTotal.plus(phase.took());
        }
        report.row("whole cycle after assignment", "%.1f s / %.1f s = %.2fx", appTotal.toMillis() / 1000.0,
            cycle.total().toMillis() / 1000.0, appTotal.toMillis() / (double) cycle.total().toMillis()).end();
        if (bare.closed() != size) {
          throw new IllegalStateException(bare.closed() + " of " + size + " baseline instances closed");
        }
      }
    }
    report.write(Path.of("target/bench/results.md"));
  }

  /**
   * The job-driven phases on one node and on two: the first half of the items through their cycle with the web
   * node alone, then a second node running jobs beside it for the other half; each phase's throughput and the
   * ratio two / one.
   */
  private static void twoNodes(Report report, BenchDatabase database, int smtpPort, AppNode web, AppCycle app,
                               BooleanSupplier quiet, Runnable afterPhase, List<Planned> items) {
    List<Planned> first = items.subList(0, items.size() / 2);
    List<Planned> second = items.subList(items.size() / 2, items.size());
    Map<String, Phase> one;
    Map<String, Phase> two;
    try (Phases phases = new Phases(CLIENTS, quiet, afterPhase)) {
      Cycle.run(app, phases, first);
      one = phases.done();
    }
    try (AppNode jobs = AppNode.startJobsOnly(database, "benchB", smtpPort, web); Phases phases = new Phases(CLIENTS, quiet, afterPhase)) {
      Cycle.run(app, phases, second);
      two = phases.done();
    }
    report.title("Two nodes on one MariaDB: " + first.size() + " items on one node, then " + second.size() + " on two");
    for (Phase phase : one.values()) {
      Phase both = two.get(phase.name());
      report.row(phase.name(), "one node %.1f items/s, two nodes %.1f items/s: %.2fx", phase.perSecond(), both.perSecond(),
          both.perSecond() / phase.perSecond());
    }
    Duration oneTotal = one.values().stream().map(Phase::took).reduce(Duration.ZERO, Duration::plus);
    Duration twoTotal = two.values().stream().map(Phase::took).reduce(Duration.ZERO, Duration::plus);
    report.row("whole cycle", "one node %.1f s, two nodes %.1f s: %.2fx the throughput", oneTotal.toMillis() / 1000.0,
        twoTotal.toMillis() / 1000.0,
        (second.size() / (double) twoTotal.toMillis()) / (first.size() / (double) oneTotal.toMillis())).end();
  }

  /**
   * Tasklist's first query after a restart of the app and its database (the embedded server stopped and started
   * again, its buffer pool empty), every item still open: the first sample of each page, then the next ones.
   */
  private static void afterRestart(Report report, BenchDatabase database, int size) {
    long start = System.nanoTime();
    try (AppNode node = AppNode.startWeb(database, AppNode.freePort())) {
      Duration started = Duration.ofNanos(System.nanoTime() - start);
      Pages pages = new Pages(node);
      pages.measure(5, 3, 2);
      report.title("After a restart of the app and its database, " + size + " items open")
          .row("app started", "%.1f s", started.toMillis() / 1000.0)
          .row("Tasklist task query (list + count), the first after the restart, then the next four", "%s ms", pages.tasklist.inOrder())
          .row("the same as Tasklist asks (signed in), after the queries above", "%s ms", pages.tasklistSignedIn.inOrder())
          .row("ledger /items, in order", "%s ms", pages.ledger.inOrder())
          .row("statistics /statistics, in order", "%s ms", pages.statistics.inOrder())
          .end();
    }
  }

  /** pages: the pages timed again on the database the last run left (its items still open), on a node just started. */
  private static void pagesAgain(BenchDatabase database) {
    try (AppNode node = AppNode.startWeb(database, AppNode.freePort())) {
      Pages pages = new Pages(node);
      pages.measure(50, 30, 10);
      pages.rows(new Report().title("Pages again, on the last run's database"), "").end().write(Path.of("target/bench/results-pages.md"));
    }
  }

  /** The intake-only run's report: the import, the pages with every item open, and what the open items hold. */
  private static void intakeReport(Report report, int size, int units, BenchDatabase database, String history, Duration appImport,
                                  Pages pages, Heap heap, Counts before, Counts after) {
    report.title("App, intake only: " + size + " items on " + (database.embedded() != null ? "the embedded MariaDB" : "MariaDB") + ", " + units + " units")
        .row("machine", "%d cores, %s %s, Java %s", Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
            System.getProperty("os.arch"), System.getProperty("java.version"))
        .row("history level", history)
        .row("import + batch assignment", "%.1f s (%.1f items/s)", appImport.toMillis() / 1000.0, size * 1000.0 / appImport.toMillis());
    pages.rows(report, ", " + size + " items open")
        .row("heap: max / peak used (garbage included) / peak after a collection / live at end", heap.summary())
        .row("database bytes per assigned item", "%d", (after.bytes() - before.bytes()) / size)
        .row("database bytes per assigned item, by table (above 1 % of the growth)", after.bytesPerItemByTable(before, size))
        .row("authorization rows per assigned item", "%.1f", (after.authorizations() - before.authorizations()) / (double) size)
        .row("authorization rows per assigned item, by resource", after.authorizationsPerItemByResource(before, size))
        .end();
  }

  /** The baseline of the intake-only run: the bare engine registers, accepts and assigns the same items. */
  private static void bareIntake(Report report, BenchDatabase database, String history, int size, List<String> units) {
    try (BareEngine bare = new BareEngine(database, history); Phases phases = new Phases(CLIENTS, () -> bareQuiet(bare))) {
      Session session = new Session(size, units);
      long start = System.nanoTime();
      phases.run("register", session.items(), bare::register);
      phases.run("accept and assign", session.items(), bare::acceptAndAssign);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      report.title("Baseline: bare engine, same items, history " + history)
          .row("register + accept + assign", "%.1f s (%.1f items/s)", took.toMillis() / 1000.0, size * 1000.0 / took.toMillis())
          .end();
    }
    report.write(Path.of("target/bench/results.md"));
  }

  /** No job due and no mail or text waiting to go out: a phase's time includes the messages it caused. */
  private static boolean quiet(ProcessEngine engine) {
    return engine.getManagementService().createJobQuery().executable().count() == 0
        && engine.getExternalTaskService().createExternalTaskQuery().withRetriesLeft().count() == 0;
  }

  private static void empty(GreenMail catcher) {
    try {
      catcher.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException("Could not empty the SMTP catcher", e);
    }
  }

  private static boolean bareQuiet(BareEngine bare) {
    return bare.quiet();
  }

  /** Runs a purge every 10 s until closed. */
  static final class Purging implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    Purging(Runnable purge) {
      scheduler.scheduleWithFixedDelay(() -> {
        try {
          purge.run();
        } catch (RuntimeException e) {
          // A mail arriving meanwhile; the next round empties it.
          LOG.debug("SMTP catcher not emptied this time", e);
        }
      }, 10, 10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      scheduler.shutdownNow();
    }
  }

  /** Rows of the tables that grow per item, and the database's bytes per table, at one moment. */
  record Counts(Map<String, Long> tableBytes, Map<String, Long> authorizationsByResource, long variables, long details,
                long tasks, long activities) {

    static Counts of(JdbcClient jdbc, Map<String, Long> tableBytes) {
      Map<String, Long> byResource = new TreeMap<>();
      jdbc.sql("select RESOURCE_TYPE_, count(*) from ACT_RU_AUTHORIZATION group by RESOURCE_TYPE_")
          .query((row, n) -> byResource.put(resourceName(row.getInt(1)), row.getLong(2))).list();
      return new Counts(tableBytes, byResource, count(jdbc, "ACT_HI_VARINST"),
          count(jdbc, "ACT_HI_DETAIL"), count(jdbc, "ACT_HI_TASKINST"), count(jdbc, "ACT_HI_ACTINST"));
    }

    long bytes() {
      return tableBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    long authorizations() {
      return authorizationsByResource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What each table grew by since {@code before}, per item, the biggest first, those above 1 % of the growth. */
    String bytesPerItemByTable(Counts before, int size) {
      long growth = bytes() - before.bytes();
      return tableBytes.entrySet().stream()
          .map(table -> Map.entry(table.getKey(), table.getValue() - before.tableBytes.getOrDefault(table.getKey(), 0L)))
          .filter(table -> table.getValue() * 100 > growth)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .map(table -> table.getKey() + " " + table.getValue() / size)
          .collect(Collectors.joining(", "));
    }

    String authorizationsPerItemByResource(Counts before, int size) {
      return authorizationsByResource.entrySet().stream()
          .map(resource -> Map.entry(resource.getKey(),
              resource.getValue() - before.authorizationsByResource.getOrDefault(resource.getKey(), 0L)))
          .filter(resource -> resource.getValue() != 0)
          .map(resource -> "%s %.2f".formatted(resource.getKey(), resource.getValue() / (double) size))
          .collect(Collectors.joining(", "));
    }

    private static String resourceName(int type) {
      return Arrays.stream(Resources.values()).filter(resource -> resource.resourceType() == type).findFirst()
          .map(Resources::name).orElse(String.valueOf(type));
    }

    private static long count(JdbcClient jdbc, String table) {
      return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
  }

}
