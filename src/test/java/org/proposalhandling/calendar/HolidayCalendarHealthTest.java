package org.proposalhandling.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.deadline.Deadlines;
import org.proposalhandling.item.Item;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.workflow.EngineClock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The provisional calendar past 2026 on the running app: deadlines counted into 2027 are marked provisional,
 * the health check shows it to administrators (and nothing but the status to others), and loading a 2027
 * file (a test fixture, not the real notice) lists the deadlines that the notice moves.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class HolidayCalendarHealthTest {

  /** proposals.holidays.directory of application-test.yaml. */
  static final Path DIRECTORY = Path.of("target/test-classes/holidays-directory");
  static final Path FILE_2027 = DIRECTORY.resolve("2027.yaml");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;
  @Autowired Deadlines deadlines;
  @Autowired WorkingDayCalendar calendar;
  @Value("${camunda.bpm.admin-user.id}") String admin;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();
  ItemDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ItemDriver(engine, outbox);
  }

  @AfterEach
  void restore() throws Exception {
    ClockUtil.reset();
    if (Files.deleteIfExists(FILE_2027)) {
      assertThat(post("/api/holidays/reload", admin, adminPassword).statusCode()).isEqualTo(200);
    }
    assertThat(calendar.coveredYears()).containsExactly(2023, 2024, 2025, 2026);
  }

  @Test
  void aDeadlineCountedInto2027IsProvisionalAndTheHealthCheckSaysSoToAdministrators() throws Exception {
    // 3 months from Tue 2026-12-15: Mon 2027-03-15; the co-handling opinion 1 month: Fri 2027-01-15.
    Item item = assigned("HCP1", "2026-12-15T10:00", "jl-cz");
    assertThat(item.replyDue()).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(deadlines.replyDueProvisional(item)).isTrue();
    assertThat(deadlines.provisional(item.assignedOn())).isFalse();
    assertThat(deadlines.provisional(item.coHandlingDue())).isTrue();

    HttpResponse<String> anonymous = get("/actuator/health", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(json.readTree(anonymous.body()).fieldNames()).toIterable().containsExactly("status");
    assertThat(json.readTree(get("/actuator/health", "jlgov-clerk", "demo").body()).fieldNames())
        .as("a unit's clerk is no administrator").toIterable().containsExactly("status");
    assertThat(get("/actuator/health", "nobody-at-all", "wrong").statusCode()).isEqualTo(401);

    HttpResponse<String> asAdmin = get("/actuator/health", admin, adminPassword);
    assertThat(asAdmin.statusCode()).isEqualTo(200);
    JsonNode health = json.readTree(asAdmin.body()).path("components").path("holidayCalendar");
    assertThat(health.path("status").asText()).isEqualTo("PROVISIONAL");
    assertThat(ints(health.path("details").path("loadedYears"))).containsExactly(2023, 2024, 2025, 2026);
    assertThat(ints(health.path("details").path("provisionalYears"))).contains(2027);
    assertThat(json.readTree(asAdmin.body()).path("status").asText()).as("the application stays up")
        .isNotEqualTo("PROVISIONAL");
  }

  @Test
  void loadingThe2027FileListsTheOpenDeadlinesToReview() throws Exception {
    // From 2026-11-06, 3 months: Sat 2027-02-06, provisionally Thu 02-11 (春节 is 02-05 to 02-08, its Saturday
    // and Sunday made up on 02-09 and 02-10); by the fixture's notice 02-09 to 02-11 are off, so Fri 02-12.
    Item moved = assigned("HCR1", "2026-11-06T10:00");
    assertThat(moved.replyDue()).isEqualTo(LocalDate.of(2027, 2, 11));
    // From 2026-12-15: Mon 2027-03-15 either way.
    Item kept = assigned("HCR2", "2026-12-15T10:00");

    assertThat(post("/api/holidays/reload", "jlgov-clerk", "demo").statusCode()).isEqualTo(403);
    Files.writeString(FILE_2027, "year: 2027\nnotice: {title: 国务院办公厅关于2027年部分节假日安排的通知, number: x}\n"
        + "daysOff: []\n", StandardCharsets.UTF_8);
    HttpResponse<String> broken = post("/api/holidays/reload", admin, adminPassword);
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(json.readTree(broken.body()).path("message").asText()).contains("节假日文件有误", "2027.yaml");
    assertThat(calendar.coveredYears()).as("nothing changed").doesNotContain(2027);

    Files.copy(Path.of("src/test/resources/calendar/notice-2027/2027.yaml"), FILE_2027,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    // The review is the deadline module's own (package-private): its logger by name.
    Logger logger = (Logger) LoggerFactory.getLogger("org.proposalhandling.deadline.ProvisionalDeadlineReview");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    HttpResponse<String> reloaded;
    try {
      reloaded = post("/api/holidays/reload", admin, adminPassword);
    } finally {
      logger.detachAppender(log);
    }
    assertThat(reloaded.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(reloaded.body());
    assertThat(ints(body.path("loadedYears"))).containsExactly(2023, 2024, 2025, 2026, 2027);
    assertThat(reviewOf(body.path("toReview"), moved.id())).containsExactly("答复期限 2027-02-11 -> 2027-02-12");
    assertThat(reviewOf(body.path("toReview"), kept.id())).isEmpty();
    assertThat(items.get(moved.id()).replyDue()).as("listed, not moved").isEqualTo(LocalDate.of(2027, 2, 11));
    assertThat(deadlines.provisional(LocalDate.of(2027, 2, 11))).isFalse();
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(line -> line.contains("HCR1") && line.contains("2027-02-11 -> 2027-02-12"));

    JsonNode health = json.readTree(get("/actuator/health", admin, adminPassword).body())
        .path("components").path("holidayCalendar");
    assertThat(reviewOf(health.path("details").path("toReview"), moved.id()))
        .containsExactly("答复期限 2027-02-11 -> 2027-02-12");
    assertThat(ints(health.path("details").path("provisionalYears"))).doesNotContain(2027);
  }

  private Item assigned(String number, String at, String... coUnits) {
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDateTime.parse(at).atZone(EngineClock.zone()).toInstant()));
    ProcessInstance instance = driver.register(number);
    driver.accept(instance);
    driver.complete(instance, "Task_Assignment", Map.of("leadUnit", "jl-mz",
        "coHandlingUnits", SpinValues.jsonValue(Spin.JSON(Arrays.asList(coUnits))).create(), "keyItem", false));
    return items.get(instance.getBusinessKey());
  }

  private static List<String> reviewOf(JsonNode toReview, String itemId) {
    List<String> lines = new ArrayList<>();
    toReview.forEach(entry -> {
      if (entry.path("itemId").asText().equals(itemId)) {
        lines.add(entry.path("deadline").asText() + " " + entry.path("stored").asText() + " -> "
            + entry.path("recomputed").asText());
      }
    });
    return lines;
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asInt()));
    return values;
  }

  private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
    return http.send(request(path, user, password).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String password) throws IOException, InterruptedException {
    return http.send(request(path, user, password).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }
}
