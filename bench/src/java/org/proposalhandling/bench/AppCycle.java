package org.proposalhandling.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.proposalhandling.bench.Session.Planned;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.link.LinkTokens;
import org.proposalhandling.support.EngineRestClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The users of the app at work on the session, over HTTP as they work: the clerk imports and assigns through
 * /api/imports and /api/assignments, the units' staff complete their tasks through the engine REST API (as
 * Tasklist does), the official signs off and the proposer answers through the links of their mails.
 */
final class AppCycle implements Cycle {

  static final String PASSWORD = "demo";
  static final String CLERK = "jlgov-clerk";
  private static final ObjectMapperHolder JSON = new ObjectMapperHolder();
  private static final Pattern SIGN_OFF_LINK = Pattern.compile("/links/sign-off/([A-Za-z0-9_-]+)");
  private static final Pattern FEEDBACK_LINK = Pattern.compile("/links/feedback/([A-Za-z0-9_-]+)");

  final Timings completion = new Timings();
  private final AppNode node;
  private final Map<String, EngineRestClient> clients = new ConcurrentHashMap<>();
  private final Map<String, String> itemIds = new ConcurrentHashMap<>();
  private final Set<String> usedTokens = ConcurrentHashMap.newKeySet();
  private final HttpClient http = HttpClient.newHttpClient();

  AppCycle(AppNode node) {
    this.node = node;
  }

  /** Each handling unit's handler, office head and official, as an administrator creates them. */
  static void createStaff(IdentityService identity, List<String> units) {
    for (String unit : units) {
      for (String role : List.of("handler", "head", "official")) {
        String id = staff(unit, role);
        User user = identity.newUser(id);
        user.setFirstName("基准" + role);
        user.setLastName("");
        user.setEmail(id + "@bench.local");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, unit);
        identity.createMembership(id, unit + "-" + role);
      }
    }
  }

  static String staff(String unit, String role) {
    return "bench-" + unit + "-" + role;
  }

  /** The whole session through the import; returns the import's id. */
  String importSession(byte[] file, int size) {
    String boundary = "----bench" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"session.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    JsonNode accepted = api(HttpRequest.newBuilder(uri("/api/imports"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), 202);
    String importId = accepted.path("id").asText();
    JsonNode imported = pollUntilDone("/api/imports/" + importId);
    if (imported.path("started").asInt() != size) {
      throw new IllegalStateException("Import started " + imported.path("started") + " of " + size + ": " + imported);
    }
    return importId;
  }

  /** The batch assignment of the whole import to the units it suggests. */
  void assign(String importId, int size) {
    JsonNode planned = api(HttpRequest.newBuilder(uri("/api/assignments")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"importId\":\"" + importId + "\",\"preview\":true}")), 201);
    String batch = planned.path("id").asText();
    api(HttpRequest.newBuilder(uri("/api/assignments/" + batch + "/start")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")), 202);
    JsonNode assigned = pollUntilDone("/api/assignments/" + batch);
    if (assigned.path("done").asInt() != size) {
      throw new IllegalStateException("Assigned " + assigned.path("done") + " of " + size + ": " + assigned);
    }
  }

  void findItems(List<Planned> items) {
    ItemRepository repository = node.bean(ItemRepository.class);
    items.forEach(item -> itemIds.put(item.number(),
        repository.findBySessionAndNumber(Session.NAME, item.number()).orElseThrow().id()));
  }

  @Override
  public void opinions(Planned item) {
    item.coUnits().forEach(unit -> complete(staff(unit, "handler"), item, "Task_CoHandlingOpinion",
        Map.of("opinion", item.opinion(unit))));
  }

  @Override
  public void contact(Planned item) {
    complete(staff(item.leadUnit(), "handler"), item, "Task_ContactRecord", Map.of("contactedOn", LocalDate.now().toString(),
        "contactMeans", "PHONE", "contactSummary", item.contactSummary()));
  }

  @Override
  public void draft(Planned item, int round) {
    complete(staff(item.leadUnit(), "handler"), item, "Task_DraftReply", Map.of("replyText", item.reply(round),
        "category", "B", "disclosure", "PUBLIC", "handlerName", "李静", "handlerPhone", "0431-88900001"));
  }

  @Override
  public void review(Planned item) {
    complete(staff(item.leadUnit(), "head"), item, "Task_ReviewReply", Map.of("decision", "approve", "comment", ""));
  }

  /** The official approves from the link of the sign-off mail. */
  @Override
  public void signOff(Planned item) {
    String token = link(item, SIGN_OFF_LINK);
    completion.time(() -> postLink("/links/sign-off/" + token + "?action=approve", Map.of("decision", "approve")));
  }

  /** The proposer answers from the link of the reply's mail; a tenth 不满意 in the first round. */
  @Override
  public void feedback(Planned item, int round) {
    String token = link(item, FEEDBACK_LINK);
    // The link lives while the feedback step is open: it opens once the reply's mail has gone out (the mail
    // worker's send, then the delivery's confirmation job), as the proposer only then has the link.
    awaitTask("admin", item, "Task_Feedback");
    boolean dissatisfied = item.dissatisfied() && round == 1;
    completion.time(() -> postLink("/links/feedback/" + token, Map.of("satisfaction", dissatisfied ? "UNSATISFIED" : "SATISFIED",
        "contactRating", "GOOD", "attitudeRating", "GOOD", "comments", dissatisfied ? item.feedbackComments() : "对答复满意。")));
  }

  private void complete(String user, Planned item, String taskKey, Map<String, Object> form) {
    EngineRestClient client = client(user);
    String taskId = awaitTask(user, item, taskKey);
    EngineRestClient.Response done = completion.time(() -> client.post("/task/" + taskId + "/submit-form",
        EngineRestClient.variables(form)));
    if (done.status() != 204) {
      throw new IllegalStateException(user + " could not complete " + taskKey + " of " + item.number() + ": "
          + done.status() + " " + done.body());
    }
  }

  /** The id of the item's task of that kind as the user sees it, once it is there. */
  private String awaitTask(String user, Planned item, String taskKey) {
    String path = "/task?processInstanceBusinessKey=" + itemIds.get(item.number()) + "&taskDefinitionKey=" + taskKey;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    EngineRestClient.Response tasks;
    while ((tasks = client(user).get(path)).body() == null || tasks.body().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(user + " sees no " + taskKey + " of " + item.number() + ": " + tasks.status());
      }
      Phases.sleep(100);
    }
    return tasks.body().get(0).path("id").asText();
  }

  private EngineRestClient client(String user) {
    return clients.computeIfAbsent(user, id -> new EngineRestClient(node.port, id, PASSWORD));
  }

  /**
   * The token of the item's newest mail with such a link that the harness has not used yet, as the mail sent
   * renders it from the outbox's row. It waits for that mail: in re-handling the steps follow each other
   * without waiting for the jobs, and the round's sign-off mail may not be written yet when its review is done
   * (the older mail's token answers 410).
   */
  private String link(Planned item, Pattern pattern) {
    JdbcClient jdbc = node.bean(JdbcClient.class);
    String marker = pattern.pattern().substring(0, pattern.pattern().indexOf("(") - 1);
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      List<String> texts = jdbc.sql("select text_body from mail_message where subject_id = ? and text_body like ?"
              + " order by created_at desc")
          .params(itemIds.get(item.number()), "%" + marker + "%").query(String.class).list();
      for (String text : texts) {
        Matcher matcher = pattern.matcher(node.bean(LinkTokens.class).render(text));
        if (matcher.find() && usedTokens.add(matcher.group(1))) {
          return matcher.group(1);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No new mail with " + marker + " for " + item.number());
      }
      Phases.sleep(100);
    }
  }

  private String postLink(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("POST " + path.replaceAll("/[A-Za-z0-9_-]{20,}", "/…") + " answered "
          + response.statusCode());
    }
    return response.body();
  }

  private JsonNode pollUntilDone(String path) {
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    while (true) {
      JsonNode progress = api(HttpRequest.newBuilder(uri(path)).GET(), 200);
      if (progress.path("state").asText().equals("DONE")) {
        return progress;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(path + " not done: " + progress);
      }
      Phases.sleep(200);
    }
  }

  private JsonNode api(HttpRequest.Builder request, int expected) {
    request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((CLERK + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> response = send(request);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.read(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + node.port + path);
  }

  /** Jackson's reader, unchecked. */
  private static final class ObjectMapperHolder {
    private final com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();

    JsonNode read(String body) {
      try {
        return mapper.readTree(body == null ? "null" : body);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
