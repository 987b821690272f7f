package org.proposalhandling.feedback;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;

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

  static Map<String, Object> intake(String number) {
    Map<String, Object> form = ItemDriver.intake(number);
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
    MimeMessage reply = mail.to(address, "【答复】").stream().filter(m -> subjectOf(m).contains("第" + number + "号"))
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

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
