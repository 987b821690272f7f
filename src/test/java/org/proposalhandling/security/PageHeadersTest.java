package org.proposalhandling.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The pages that open without login keep their own headers; every other page keeps Spring Security's. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class PageHeadersTest {

  private static final List<String> SECURITY_HEADERS = List.of("X-Frame-Options", "Content-Security-Policy",
      "X-Content-Type-Options", "Referrer-Policy", "Cache-Control", "Pragma", "Expires", "X-XSS-Protection");

  @LocalServerPort int port;

  @Test
  void aLinkPageIsNeitherFramedNorCachedNorNamedAsReferrer() throws Exception {
    assertThat(securityHeaders("/links/feedback/unknown")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "X-Frame-Options", List.of("DENY"),
        "Content-Security-Policy", List.of("default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"),
        "X-Content-Type-Options", List.of("nosniff"),
        "Referrer-Policy", List.of("no-referrer"),
        "Cache-Control", List.of("no-store"),
        "X-XSS-Protection", List.of("0")));
  }

  @Test
  void aPublicPageIsNotFramedAndPostsOnlyToTheApp() throws Exception {
    assertThat(securityHeaders("/public/replies")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "X-Frame-Options", List.of("DENY"),
        "Content-Security-Policy",
        List.of("default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"),
        "X-Content-Type-Options", List.of("nosniff"),
        "Referrer-Policy", List.of("same-origin"),
        "Cache-Control", List.of("no-cache, no-store, max-age=0, must-revalidate"),
        "Pragma", List.of("no-cache"),
        "Expires", List.of("0"),
        "X-XSS-Protection", List.of("0")));
  }

  @Test
  void theLoginPageKeepsSpringSecuritysDefaults() throws Exception {
    assertThat(securityHeaders("/login")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "X-Frame-Options", List.of("DENY"),
        "X-Content-Type-Options", List.of("nosniff"),
        "Cache-Control", List.of("no-cache, no-store, max-age=0, must-revalidate"),
        "Pragma", List.of("no-cache"),
        "Expires", List.of("0"),
        "X-XSS-Protection", List.of("0")));
  }

  private Map<String, List<String>> securityHeaders(String path) throws Exception {
    HttpHeaders headers = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.discarding())
        .headers();
    return headers.map().entrySet().stream()
        .filter(header -> SECURITY_HEADERS.stream().anyMatch(name -> name.equalsIgnoreCase(header.getKey())))
        .collect(java.util.stream.Collectors.toMap(
            header -> SECURITY_HEADERS.stream().filter(name -> name.equalsIgnoreCase(header.getKey())).findFirst().orElseThrow(),
            Map.Entry::getValue));
  }
}
