package org.proposalhandling.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.WebSession;

/** A joint item with three co-signers, replied, and the feedback links its four proposers received over SMTP. */
final class JointItems {

  static final String LEAD = "zhangsan@demo.local";
  static final String[] CO_SIGNERS = {"lisi@demo.local", "wangwu@demo.local", "zhaoliu@demo.local"};

  private final ItemDriver driver;
  private final MailCatcher mail;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  JointItems(ItemDriver driver, MailCatcher mail, int port) {
    this.driver = driver;
    this.mail = mail;
    this.port = port;
  }

  /** A session of the test's own, so that the statistics of its items count no one else's. */
  final String session = "联名测试会议" + System.nanoTime();

  Map<String, Object> intake(String number) {
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("sessionName", session);
    form.put("coSigners", "李四（经济界，" + CO_SIGNERS[0] + "）、王五（" + CO_SIGNERS[1] + "，13800000002）、赵六（"
        + CO_SIGNERS[2] + "）");
    return form;
  }

  /** Registers the joint item, replies to it and sends the reply's mails. */
  ProcessInstance replied(String number) {
    ProcessInstance instance = driver.replied(intake(number));
    mail.sendDueMail();
    return instance;
  }

  /** The feedback link in the reply mail of this item to this address. */
  String link(String number, String address) {
    MimeMessage reply = mail.to(address, "【答复】").stream().filter(m -> subjectOf(m).contains(session + "第" + number + "号"))
        .findFirst().orElseThrow(() -> new AssertionError("No reply of " + number + " to " + address));
    return MailCatcher.links(MailCatcher.text(reply)).stream().filter(l -> l.contains("feedback/")).findFirst().orElseThrow()
        .replace("http://localhost:8080", "http://localhost:" + port);
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
    String body = String.join("&", form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The office's statistics of the test's session, as the page's data: the tables, the rule. */
  JsonNode statistics() throws Exception {
    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
    return new ObjectMapper().readTree(office.get("/statistics/data?session=" + URLEncoder.encode(session, StandardCharsets.UTF_8))
        .body());
  }

  /** A table's value in a column, in the row of this key ("" for the total). */
  static JsonNode value(JsonNode table, String rowKey, String column) {
    int index = 0;
    while (!table.path("columns").get(index).path("key").asText().equals(column)) {
      index++;
    }
    JsonNode row = rowKey.isEmpty() ? table.path("total") : StreamSupport.stream(table.path("rows").spliterator(), false)
        .filter(r -> r.path("key").asText().equals(rowKey)).findFirst().orElseThrow();
    return row.path("values").get(index);
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
