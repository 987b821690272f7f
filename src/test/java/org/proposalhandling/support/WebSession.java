package org.proposalhandling.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session over plain HTTP: cookies kept, the one login form, the CSRF token of a page's forms. */
public class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  public WebSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Signs in through the login form; the response is where the form sends him (a redirect). */
  public HttpResponse<String> login(String user, String password) {
    String token = csrfOf(get("/login").body());
    return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<byte[]> getBytes(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A call of the webapps' copy of the engine API (/camunda/api/engine/engine/default, Tasklist's) in this
   * session, as Tasklist sends it: JSON, with the webapps' CSRF token from their cookie (a GET first fetches it).
   */
  public HttpResponse<String> webappEngineApi(String method, String path, String json) {
    String api = "/camunda/api/engine/engine/default";
    if (!"GET".equals(method) && xsrfToken() == null) {
      get(api + "/engine");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + api + path))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    String token = xsrfToken();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  /** A form with a file, as a browser posts it (multipart/form-data); waits at most the time given for the answer. */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName, byte[] file,
                                            Duration within) {
    String boundary = "----form" + UUID.randomUUID();
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(within)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, "file", fileName, file))),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The same form with a file read from a stream as it is sent (chunked), never held whole: for files larger
   * than a heap.
   */
  public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileName,
                                            Supplier<InputStream> file, Duration within) {
    String boundary = "----form" + UUID.randomUUID();
    byte[] head = multipart(boundary, fields, "file", fileName, new byte[0]);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] beforeFile = Arrays.copyOf(head, head.length - tail.length);
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(within)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
            List.of(new ByteArrayInputStream(beforeFile), file.get(), new ByteArrayInputStream(tail)))))),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A download read as it arrives, for files larger than a heap. */
  public HttpResponse<InputStream> getStream(String path, Duration within) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(within).GET(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** A multipart/form-data body: the fields, then the file. */
  public static byte[] multipart(String boundary, Map<String, String> fields, String fileField, String fileName, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** The CSRF token a page's forms carry. */
  public static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    if (!matcher.find()) {
      throw new AssertionError("No CSRF token on the page");
    }
    return matcher.group(1);
  }

  private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      // As a browser navigating: the login form answers it, where a script would get a 401.
      return http.send(request.header("Accept", "text/html,*/*;q=0.8").build(), handler);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
