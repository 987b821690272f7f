package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.intakeimport.ImportFiles.row;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.AppProcess;
import org.proposalhandling.support.WebSession;

/**
 * Issue #33: the worst upload for the duplicate hints, 15,000 rows repeating one title and text against 15,000
 * registered items with that title and text, through the clerk's page into the app in a JVM of its own with a 512 MB
 * heap. The app answers afterwards and the preview lists a bounded number of hints and counts the rest.
 */
@AppLayer
class UploadHeapTest {

  static final int ROWS = 15_000;
  static final String SESSION = "省政协十四届三次会议";
  static final String TITLE = "关于加强社区养老服务的建议";
  static final Duration START = Duration.ofMinutes(5);
  /** The app's embedded MariaDB server listens here, so that the test can seed it in SQL. */
  final int databasePort = AppProcess.freePort();

  @TempDir Path directory;

  @Test
  void fifteenThousandRowsOfOneTitleAgainstAsManyRegisteredLeaveTheAppAnsweringWithBoundedHints() throws Exception {
    try (AppProcess app = AppProcess.startDemo(directory, "--proposals.database.embedded.port=" + databasePort).awaitStarted(START)) {
      WebSession clerk = signedIn(app);
      seedRegisteredItems();
      List<List<String>> rows = new ArrayList<>();
      for (int i = 1; i <= ROWS; i++) {
        rows.add(row(SESSION, "U" + i, TITLE));
      }
      byte[] file = ImportFiles.xlsx(rows);
      String token = WebSession.csrfOf(clerk.get("/imports").body());

      HttpResponse<String> uploaded = clerk.postMultipart("/imports", Map.of("_csrf", token), "session.xlsx", file,
          Duration.ofMinutes(3));

      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
      String preview = clerk.get(uploaded.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
      assertThat(preview).contains("全部 <strong>" + ROWS + "</strong> 行检查无误");
      assertThat(count(preview, "class=\"duplicate-hint\"")).isEqualTo(ImportPreview.LISTED_ROWS);
      assertThat(count(preview, "（相似度 100%）")).isEqualTo(ImportPreview.LISTED_ROWS * ImportPreview.MOST_SIMILAR);
      // Each of the 15,000 rows resembles the 14,999 others and the 15,000 registered items.
      long similar = (long) ROWS * (2 * ROWS - 1);
      long listed = (long) ImportPreview.LISTED_ROWS * ImportPreview.MOST_SIMILAR;
      assertThat(preview).contains("另有 " + (similar - listed) + " 条相似提示未列出。");
      // UP again within half a minute: once in two runs on MariaDB the health check read DOWN right after the preview
      // (not seen again in two runs since); the administrator's view names the component if it comes back.
      Instant healthy = Instant.now().plusSeconds(30);
      while (!clerk.get("/actuator/health").body().contains("\"status\":\"UP\"")) {
        assertThat(Instant.now()).as("the app reports itself UP again; as the administrator sees it: %s",
            healthAsAdministrator(app)).isBefore(healthy);
        Thread.sleep(1000);
      }
      assertThat(clerk.get("/imports").body()).contains("批量导入建议提案");
    }
  }

  private static String healthAsAdministrator(AppProcess app) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/actuator/health"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The clerk on the import page, once the demo's units and users are there (they are seeded after the start). */
  private static WebSession signedIn(AppProcess app) throws InterruptedException {
    Instant end = Instant.now().plus(START);
    while (true) {
      WebSession clerk = new WebSession(app.port());
      clerk.login("jlgov-clerk", "demo");
      if (clerk.get("/imports").body().contains("批量导入建议提案")) {
        return clerk;
      }
      assertThat(Instant.now()).as("the clerk could not open the import page").isBefore(end);
      Thread.sleep(500);
    }
  }

  /** 15,000 items of the office with the file's title, in the file's session, as the bare rows a registration leaves. */
  private void seedRegisteredItems() throws Exception {
    Properties credentials = new Properties();
    try (var reader = Files.newBufferedReader(directory.resolve("data/mariadb.credentials"))) {
      credentials.load(reader);
    }
    try (Connection db = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + databasePort + "/proposals",
             credentials.getProperty("user"), credentials.getProperty("password"));
         Statement session = db.createStatement();
         // The text the rows have (ImportFiles.row): duplicates are told by title and text.
         PreparedStatement insert = db.prepareStatement("""
             insert into item (id, assigning_office_id, session_name, item_number, kind, title, content, proposer_name,
                               publication_consent, status, created_at)
             with recursive seed(x) as (select 1 union all select x + 1 from seed where x < ?)
             select concat('seed-', x), 'jl-gov', ?, concat('S', x), 'MEMBER_PROPOSAL', ?, ?, '张三', true, 'REGISTERED',
                    current_timestamp
             from seed""")) {
      session.execute("set max_recursive_iterations = " + ROWS); // MariaDB's default stops a recursion at 1,000
      insert.setInt(1, ROWS);
      insert.setString(2, SESSION);
      insert.setString(3, TITLE);
      insert.setString(4, row(SESSION, "S", TITLE).get(ImportColumn.CONTENT.ordinal()));
      assertThat(insert.executeUpdate()).isEqualTo(ROWS);
    }
  }

  private static int count(String page, String text) {
    Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(page);
    int found = 0;
    while (matcher.find()) {
      found++;
    }
    return found;
  }
}
