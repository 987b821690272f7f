package org.proposalhandling.intakeimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.proposalhandling.support.WebSession;

/** A REST client of /api/imports and /api/assignments over real HTTP, as a user with HTTP Basic. */
public final class ImportClient {

  public record Response(int status, JsonNode body) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String authorization;

  public ImportClient(int port, String user, String password) {
    base = "http://localhost:" + port;
    authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public Response upload(String fileName, byte[] file, boolean preview) {
    String boundary = "----import" + UUID.randomUUID();
    return send(HttpRequest.newBuilder(URI.create(base + "/api/imports" + (preview ? "?preview=true" : "")))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(WebSession.multipart(boundary, Map.of(), "file", fileName, file))));
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, Object json) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls a progress resource until it says so, within the time given. */
  public JsonNode pollUntil(String path, Predicate<JsonNode> done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Response response = get(path);
      if (response.status() != 200) {
        throw new AssertionError(path + " answered " + response.status() + ": " + response.body());
      }
      if (done.test(response.body())) {
        return response.body();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(path + " not done within " + within + ": " + response.body());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private Response send(HttpRequest.Builder request) {
    request.header("Authorization", authorization);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String body = response.body();
      return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
