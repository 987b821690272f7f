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
 * pages and Tasklist's scripts read) on the demo's items: none answers a server error, every page of the app
 * of his carries the one header with his name, and each section the header offers him opens. Pages are found
 * by following the links of the app's own pages, a few of each kind.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class EveryPageTest {

  /** The demo users and their names as the header shows them (seeds/demo/users.yaml; the administrator's from application.yaml). */
  private static final Map<String, String> USERS = new java.util.LinkedHashMap<>(Map.ofEntries(Map.entry("admin", "系统管理员"),
      Map.entry("jlgov-clerk", "刘敏"), Map.entry("jlmz-handler", "李静"), Map.entry("jlmz-head", "赵刚"),
      Map.entry("jlmz-official", "孙立新"), Map.entry("jlcz-handler", "周文"), Map.entry("jlwjw-handler", "吴琳"),
      Map.entry("jlyjj-handler", "郑凯"), Map.entry("czgov-clerk", "陈芳"), Map.entry("czmz-handler", "延思超"),
      Map.entry("czmz-head", "王磊"), Map.entry("czmz-official", "张斌")));
  private static final List<String> START = List.of("/", "/workspace/reminders", "/workspace/reminders.xlsx", "/items", "/items?closed=true", "/items/export", "/statistics",
      "/statistics/data", "/statistics.xlsx", "/imports", "/imports/template.xlsx", "/consultations", "/consultations/new",
      "/public/replies", "/public/consultations", "/dev/mailbox", "/login",
      "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
      "/camunda/api/tasklistsupport/due?at=2026-12-31T15:59:59Z");
  /** The app's own links; not signing out, nor the mail links' pages (their tokens are single-use, tested apart). */
  private static final Pattern LINK = Pattern.compile("href=\"(/(?!logout|links/|camunda/|brand/|css/|js/|webjars/)[^\"#]*)\"");
  /** Pages of their own, without the app's header: the login form, the public pages, the webapps. */
  private static final Pattern WITHOUT_HEADER = Pattern.compile("/(login|public/|camunda/).*");
  private static final Pattern HEADER = Pattern.compile("<header id=\"app-header\".*?</header>", Pattern.DOTALL);
  private static final Pattern HEADER_LINK = Pattern.compile("<nav>.*?</nav>", Pattern.DOTALL);
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}|\\d+");
  private static final int OF_EACH_KIND = 2;

  /** Each user's sections opened once, not on every page. */
  private final Map<String, Integer> sectionStatus = new HashMap<>();

  @LocalServerPort int port;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;

  @Test
  void noPageAnswersAServerErrorToAnyDemoUser() {
    List<String> failures = new ArrayList<>();
    int opened = 0;
    for (String user : USERS.keySet()) {
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
        if (isHtml(page) && !WITHOUT_HEADER.matcher(path).matches()) {
          failures.addAll(headerFailures(session, user, path, page.body()));
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
    assertThat(sectionStatus).hasSizeGreaterThan(USERS.size() * 3);
    assertThat(failures).isEmpty();
  }

  /** The header is there with the user's name, and each section it offers him opens (a way in, not into a refusal). */
  private List<String> headerFailures(WebSession session, String user, String path, String body) {
    Matcher header = HEADER.matcher(body);
    if (!header.find()) {
      return List.of(user + " " + path + " has no common header");
    }
    if (!Pattern.compile("class=\"name\"[^>]*>" + USERS.get(user) + "<").matcher(header.group()).find()
        || !header.group().contains("退出")) {
      return List.of(user + " " + path + " has a header without his name or 退出: " + header.group());
    }
    List<String> failures = new ArrayList<>();
    Matcher nav = HEADER_LINK.matcher(header.group());
    Matcher section = HREF.matcher(nav.find() ? nav.group() : "");
    while (section.find()) {
      int status = sectionStatus.computeIfAbsent(user + " " + section.group(1), ignored -> session.get(section.group(1)).statusCode());
      if (status >= 400) {
        failures.add(user + " is offered " + section.group(1) + " → " + status);
      }
    }
    return failures;
  }

  private static boolean isHtml(HttpResponse<String> page) {
    return page.headers().firstValue("Content-Type").filter(type -> type.startsWith("text/html")).isPresent();
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
