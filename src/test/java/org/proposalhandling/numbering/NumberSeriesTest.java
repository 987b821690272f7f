package org.proposalhandling.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.proposalhandling.handling.ReplyRepository;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.numbering.NumberSeries.Series;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The office or the unit sets a unit's next document number; numbers never repeat. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class NumberSeriesTest {

  @LocalServerPort int port;
  @Autowired NumberSeries series;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ReplyRepository replies;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theNextNumberSetIsTheOneTheNumberingStepIssues() throws Exception {
    int year = EngineClock.today().getYear();
    int next = series.last(Series.DOCUMENT, "jl-mz", year) + 40;
    HttpResponse<String> set = put("jlgov-clerk", "/api/units/jl-mz/numbering/" + year, "{\"nextDocumentNumber\": " + next + "}");
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).contains("吉民议字〔" + year + "〕" + next + "号");

    ProcessInstance instance = new ItemDriver(engine, outbox).replied("N1");
    assertThat(replies.get(instance.getBusinessKey(), 1).documentNumber()).isEqualTo("吉民议字〔" + year + "〕" + next + "号");
  }

  @Test
  void aNextNumberAtOrBelowTheLastIssuedIsRefusedAndChangesNothing() throws Exception {
    String path = "/api/units/jl-cz/numbering/2031";
    assertThat(put("jlgov-clerk", path, "{\"nextDocumentNumber\": 5, \"nextIndexSerial\": 300}").statusCode()).isEqualTo(200);
    assertThat(series.next(Series.DOCUMENT, "jl-cz", 2031)).isEqualTo(5);

    HttpResponse<String> repeat = put("jlgov-clerk", path, "{\"nextDocumentNumber\": 5}");
    assertThat(repeat.statusCode()).isEqualTo(400);
    assertThat(repeat.body()).contains("已编至第5号", "不能重复使用");
    HttpResponse<String> lower = put("jlgov-clerk", path, "{\"nextDocumentNumber\": 3, \"nextIndexSerial\": 400}");
    assertThat(lower.statusCode()).isEqualTo(400);
    assertThat(series.last(Series.INDEX, "jl-cz", 2031)).as("nothing half-done").isEqualTo(299);
    assertThat(put("jlgov-clerk", path, "{\"nextDocumentNumber\": 0}").statusCode()).isEqualTo(400);
    assertThat(put("jlgov-clerk", path, "{}").statusCode()).isEqualTo(400);

    assertThat(put("jlgov-clerk", path, "{\"nextDocumentNumber\": 9}").statusCode()).isEqualTo(200);
    assertThat(series.next(Series.DOCUMENT, "jl-cz", 2031)).isEqualTo(9);
  }

  @Test
  void onlyTheOfficeAndTheUnitsHeadsAndOfficialsMaySetIt() throws Exception {
    String path = "/api/units/jl-mz/numbering/2032";
    assertThat(put("jlmz-head", path, "{\"nextDocumentNumber\": 3}").statusCode()).isEqualTo(200);
    assertThat(put("jlmz-official", path, "{\"nextDocumentNumber\": 4}").statusCode()).isEqualTo(200);
    assertThat(put("jlmz-handler", path, "{\"nextDocumentNumber\": 5}").statusCode()).isEqualTo(403);
    assertThat(put("czgov-clerk", path, "{\"nextDocumentNumber\": 5}").statusCode()).isEqualTo(403);
    assertThat(put("jlcz-handler", path, "{\"nextDocumentNumber\": 5}").statusCode()).isEqualTo(403);
    assertThat(put("jlgov-clerk", "/api/units/no-such-unit/numbering/2032", "{\"nextDocumentNumber\": 5}").statusCode()).isEqualTo(404);
    assertThat(put(null, path, "{\"nextDocumentNumber\": 5}").statusCode()).isEqualTo(401);
    HttpResponse<String> read = http.send(request("jlmz-head", path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(read.body()).contains("\"lastDocumentNumber\":3", "吉民议字〔2032〕4号");
  }

  private HttpResponse<String> put(String user, String path, String json) throws Exception {
    return http.send(request(user, path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }
}
