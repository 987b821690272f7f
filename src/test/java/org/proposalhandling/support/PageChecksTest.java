package org.proposalhandling.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The walks' checks fail where they should: pages served by a bare HTTP server to Chromium in UTC, each with one
 * fault (an English word, the browser's time instead of the office's, no header, an unclaimed form without its
 * hint, a 500), beside a page that passes.
 */
@BrowserLayer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageChecksTest {

  private static final String HEADER = "<header id=\"app-header\"><a class=\"brand\" href=\"/\">建议提案办理系统</a>"
      + "<form><button id=\"logout\">退出</button></form></header>";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  HttpServer server;
  Browser browser;
  PageChecks checks;

  @BeforeAll
  void serveThePages() throws IOException {
    browser = Browser.inZoneRecordingResponses("UTC");
    checks = new PageChecks(browser, ZoneId.of("UTC"));
    String office = LocalDateTime.now(PageChecks.OFFICE).format(SHOWN);
    String utc = LocalDateTime.now(ZoneId.of("UTC")).format(SHOWN);
    Map<String, String> pages = Map.of(
        "/items", HEADER + "<h1>办件台账</h1><p>交办于 " + office + "</p>",
        "/items/english", HEADER + "<p>Task completed</p>",
        "/items/utc", HEADER + "<p>交办于 " + utc + "</p>",
        "/items/bare", "<h1>办件台账</h1>",
        "/camunda/app/tasklist/default/", "<div cam-tasklist-task-meta><button class=\"claim\">签收</button></div>"
            + "<div class=\"disabled-form\">办件编号</div>");
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/", exchange -> {
      String page = pages.get(exchange.getRequestURI().getPath());
      byte[] body = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>建议提案办理系统</title></head><body>"
          + (page == null ? "服务器出错" : page) + "</body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(page != null ? 200 : "/broken".equals(exchange.getRequestURI().getPath()) ? 500 : 404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterAll
  void stop() {
    browser.close();
    server.stop(0);
  }

  @Test
  void aPageOfTheAppWithItsHeaderAndTheOfficesTimePasses() {
    assertThat(problemsOf("/items")).isEmpty();
  }

  @Test
  void anEnglishWordFails() {
    assertThat(problemsOf("/items/english")).singleElement().asString().contains("English word «Task»");
  }

  @Test
  void theBrowsersTimeOfSomethingJustDoneFails() {
    assertThat(problemsOf("/items/utc")).singleElement().asString().contains("is the browser's zone's (UTC) time");
  }

  @Test
  void aPageOfTheAppWithoutTheHeaderFails() {
    assertThat(problemsOf("/items/bare")).singleElement().asString().contains("no common header");
  }

  @Test
  void tasklistWithoutTheWayBackAndAnUnclaimedFormWithoutTheHintFails() {
    assertThat(problemsOf("/camunda/app/tasklist/default/"))
        .anyMatch(problem -> problem.contains("no way back to the app"))
        .anyMatch(problem -> problem.contains("without the hint"))
        .hasSize(2);
  }

  @Test
  void aServerErrorFailsTheNextCheck() {
    assertThat(problemsOf("/broken")).anyMatch(problem -> problem.startsWith("server error 500 http"));
    assertThat(problemsOf("/items")).as("the next page, the error reported once").isEmpty();
  }

  private java.util.List<String> problemsOf(String path) {
    browser.open("http://localhost:" + server.getAddress().getPort() + path);
    return checks.problems();
  }
}
