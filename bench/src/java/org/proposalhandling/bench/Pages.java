package org.proposalhandling.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.proposalhandling.support.EngineRestClient;
import org.proposalhandling.support.WebSession;

/**
 * The pages whose answer time the targets name, for the unit with thousands of open items: its handler's
 * Tasklist query (the list and the count Tasklist asks for), its ledger, and the assigning office's statistics.
 * The Tasklist query is timed three times: through the engine REST API with HTTP Basic (the password checked on
 * each call); the same with the engine's other way of checking authorizations (revokes checked always, by a
 * subquery per task, or only when a revoke exists, by a join on the grants), the comparison that chose the
 * app's setting; and as Tasklist itself asks, through the webapps' engine API, signed in once.
 */
final class Pages {

  final Timings tasklist = new Timings();
  final Timings tasklistOtherCheck = new Timings();
  final Timings tasklistSignedIn = new Timings();
  private String configuredCheck;
  private String otherCheck;
  final Timings ledger = new Timings();
  final Timings statistics = new Timings();
  private final AppNode node;

  Pages(AppNode node) {
    this.node = node;
  }

  void measure(int tasklistSamples, int ledgerSamples, int statisticsSamples) {
    String handler = AppCycle.staff(Session.BIG_UNIT, "handler");
    EngineRestClient rest = new EngineRestClient(node.port, handler, AppCycle.PASSWORD);
    Map<String, Object> query = Map.of("candidateGroups", List.of(Session.BIG_UNIT + "-handler"),
        "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
    ProcessEngineConfiguration engine = node.engine().getProcessEngineConfiguration();
    configuredCheck = engine.getAuthorizationCheckRevokes();
    otherCheck = configuredCheck.equalsIgnoreCase(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS)
        ? ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO : ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS;
    timeTasklist(rest, query, tasklist, tasklistSamples);
    engine.setAuthorizationCheckRevokes(otherCheck);
    try {
      timeTasklist(rest, query, tasklistOtherCheck, tasklistSamples);
    } finally {
      engine.setAuthorizationCheckRevokes(configuredCheck);
    }
    WebSession unit = new WebSession(node.port);
    unit.login(handler, AppCycle.PASSWORD);
    timeSignedInTasklist(unit, node.engine().getName(), Session.BIG_UNIT + "-handler", tasklistSignedIn, tasklistSamples);
    for (int i = 0; i < ledgerSamples; i++) {
      ledger.time(() -> expect(unit.get("/items"), "/items"));
    }
    WebSession office = new WebSession(node.port);
    office.login(AppCycle.CLERK, AppCycle.PASSWORD);
    for (int i = 0; i < statisticsSamples; i++) {
      statistics.time(() -> {
        return expect(office.get("/statistics"), "/statistics");
      });
    }
    SessionBenchmark.LOG.info("Tasklist query ms in order: {}", tasklist.inOrder());
    SessionBenchmark.LOG.info("Tasklist query ms in order, revoke checks {}: {}", otherCheck, tasklistOtherCheck.inOrder());
    SessionBenchmark.LOG.info("Tasklist query ms in order, signed in: {}", tasklistSignedIn.inOrder());
    SessionBenchmark.LOG.info("ledger ms in order: {}", ledger.inOrder());
    SessionBenchmark.LOG.info("statistics ms in order: {}", statistics.inOrder());
  }

  private static void timeTasklist(EngineRestClient rest, Map<String, Object> query, Timings timings, int samples) {
    for (int i = 0; i < samples; i++) {
      timings.time(() -> {
        expect(rest.post("/task?firstResult=0&maxResults=15", query), "/task");
        return expect(rest.post("/task/count", query), "/task/count");
      });
    }
  }

  /** The same query and count as Tasklist's own calls send them, with the signed-in session's cookie. */
  private static void timeSignedInTasklist(WebSession session, String engine, String group, Timings timings, int samples) {
    String api = "/camunda/api/engine/engine/" + engine + "/task";
    String criteria = "candidateGroups=" + group;
    String count = session.get(api + "/count?" + criteria).body();
    if (count == null || !count.matches("\\{\"count\":[1-9][0-9]*}")) {
      throw new IllegalStateException("Tasklist's count for " + group + " signed in: " + count);
    }
    SessionBenchmark.LOG.info("Tasklist's count signed in: {}", count);
    for (int i = 0; i < samples; i++) {
      timings.time(() -> {
        expect(session.get(api + "?" + criteria + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"), api);
        return expect(session.get(api + "/count?" + criteria), api + "/count");
      });
    }
  }

  /** The report's rows of the pages: the Tasklist query under both authorization checks, the ledger, the statistics. */
  Report rows(Report report, String openItems) {
    return report.row("Tasklist task query (list + count) p50/p95/p99, revoke checks " + configuredCheck + " (the app's)",
            tasklist.summary() + openItems)
        .row("the same, revoke checks " + otherCheck, tasklistOtherCheck.summary())
        .row("the same as Tasklist asks (webapps' engine API, signed in), revoke checks " + configuredCheck,
            tasklistSignedIn.summary())
        .row("ledger /items p50/p95/p99", ledger.summary())
        .row("statistics /statistics p50/p95/p99", statistics.summary());
  }

  private static int expect(EngineRestClient.Response response, String path) {
    return expect(response.status(), String.valueOf(response.body()), path);
  }

  private static int expect(HttpResponse<String> response, String path) {
    return expect(response.statusCode(), response.body(), path);
  }

  /** The status if 200; else fails with the body, which says why (the engine REST API's message, an error page). */
  private static int expect(int status, String body, String path) {
    if (status != 200) {
      String shown = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
      throw new IllegalStateException(path + " answered " + status + ": " + shown);
    }
    return status;
  }
}
