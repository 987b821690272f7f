package org.proposalhandling.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every demo user, the administrator included, opens every page of the app he can reach from its navigation
 * (the ledger, items, statistics, imports, consultations, the public pages, the webapps and the JSON the
 * pages and Tasklist's scripts read) on the demo's items: none answers a server error. Pages are found by
 * following the links of the app's own pages, a few of each kind.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EveryPageTest {

  private static final List<String> USERS = List.of("admin", "jlgov-clerk", "jlmz-handler", "jlmz-head", "jlmz-official",
      "jlcz-handler", "jlwjw-handler", "jlyjj-handler", "czgov-clerk", "czmz-handler", "czmz-head", "czmz-official");
  private static final List<String> START = List.of("/", "/workspace/reminders", "/workspace/reminders.xlsx", "/items", "/items?closed=true", "/items/export", "/statistics",
      "/statistics/data", "/statistics.xlsx", "/imports", "/imports/template.xlsx", "/consultations", "/consultations/new",
      "/public/replies", "/public/consultations", "/dev/mailbox", "/login",
      "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
      "/camunda/api/tasklistsupport/working-days?until=2026-12-31");
  /** The app's own links; not signing out, nor the mail links' pages (their tokens are single-use, tested apart). */
  private static final Pattern LINK = Pattern.compile("href=\"(/(?!logout|links/|camunda/|brand/|css/|js/|webjars/)[^\"#]*)\"");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}|\\d+");
  private static final int OF_EACH_KIND = 2;

  @LocalServerPort int port;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;

  @Test
  void noPageAnswersAServerErrorToAnyDemoUser() {
    List<String> failures = new ArrayList<>();
    int opened = 0;
    for (String user : USERS) {
      String password = "admin".equals(user) ? adminPassword : "demo";
      WebSession session = new WebSession(port);
      session.login(user, password);
      Deque<String> toOpen = new ArrayDeque<>(START);
      Set<String> seen = new HashSet<>(START);
      Map<String, Integer> kinds = new HashMap<>();
      while (!toOpen.isEmpty()) {
        String path = toOpen.poll();
        HttpResponse<String> page = session.get(path);
        opened++;
        if (page.statusCode() >= 500) {
          failures.add(user + " " + path + " → " + page.statusCode());
        }
        Matcher link = LINK.matcher(page.body() == null ? "" : page.body());
        while (link.find()) {
          String next = link.group(1).replace("&amp;", "&");
          String kind = ID.matcher(next.replaceAll("[?&]page=\\d+", "")).replaceAll("#");
          if (seen.add(next) && kinds.merge(kind, 1, Integer::sum) <= OF_EACH_KIND) {
            toOpen.add(next);
          }
        }
      }
      for (String api : List.of("/api/units/jl-mz/numbering/2026", "/api/units/cz-mz/numbering/2026", "/api/imports/unknown",
          "/api/assignments/unknown")) {
        int status = basic(user, password, api);
        opened++;
        if (status >= 500) {
          failures.add(user + " " + api + " → " + status);
        }
      }
    }
    assertThat(opened).isGreaterThan(USERS.size() * START.size());
    assertThat(failures).isEmpty();
  }

  private int basic(String user, String password, String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
