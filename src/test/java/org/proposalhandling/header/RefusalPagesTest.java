package org.proposalhandling.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every refusal a signed-in user can reach in a browser is a Chinese page with the common header and a way back:
 * Admin's 403 to a clerk, an app page of another role, a page that does not exist, a server error. Scripts that
 * ask for JSON keep getting JSON.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class RefusalPagesTest {

  /** Words of Spring Boot's, Tomcat's and Camunda's own error pages, and of an exception's text. */
  private static final List<String> FOREIGN = List.of("Whitelabel", "Forbidden", "Not Found", "Internal Server Error",
      "No access", "Exception", "HTTP Status", "Broken on purpose");

  @LocalServerPort int port;

  @Test
  void aClerkOpeningAdminGetsTheChinesePageWithTheHeader() {
    HttpResponse<String> page = signedIn("jlgov-clerk").get("/camunda/app/admin/default/");

    assertThat(page.statusCode()).isEqualTo(403);
    assertChinesePageWithHeader(page.body(), "无权访问", "刘敏", "吉林省人民政府办公厅");
  }

  @Test
  void aHandlerOpeningTheOfficesImportGetsTheChinesePageWithTheHeader() {
    HttpResponse<String> page = signedIn("jlmz-handler").get("/imports");

    assertThat(page.statusCode()).isEqualTo(403);
    assertChinesePageWithHeader(page.body(), "只有交办机构的交办员", "李静", "吉林省民政厅");
  }

  @Test
  void aPageThatDoesNotExistIsAChinesePageWithTheHeader() {
    WebSession clerk = signedIn("jlgov-clerk");

    HttpResponse<String> page = clerk.get("/no-such-page");
    assertThat(page.statusCode()).isEqualTo(404);
    assertChinesePageWithHeader(page.body(), "页面不存在", "刘敏", "吉林省人民政府办公厅");

    HttpResponse<String> item = clerk.get("/items/no-such-item");
    assertThat(item.statusCode()).isEqualTo(404);
    assertChinesePageWithHeader(item.body(), "未找到该办件", "刘敏", "吉林省人民政府办公厅");
  }

  @Test
  void aServerErrorIsAChinesePageWithTheHeaderAndNoExceptionText() {
    HttpResponse<String> page = signedIn("czmz-head").get(FailingPage.PATH);

    assertThat(page.statusCode()).isEqualTo(500);
    assertChinesePageWithHeader(page.body(), "系统出错", "王磊", "长治市民政局");
  }

  @Test
  void scriptsAskingForJsonKeepGettingJson() throws Exception {
    for (String path : List.of("/no-such-page", FailingPage.PATH)) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("jlgov-clerk:demo".getBytes(StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(answer.body()).as(path).doesNotContain("<header", "Broken on purpose");
    }
  }

  private WebSession signedIn(String user) {
    WebSession session = new WebSession(port);
    session.login(user, "demo");
    return session;
  }

  private static void assertChinesePageWithHeader(String body, String says, String name, String unit) {
    assertThat(body).contains("id=\"app-header\"", "建议提案办理系统", says, name + "</a> · <span class=\"unit\">" + unit, "退出",
        "name=\"_csrf\"");
    assertThat(body).contains("href=\"/\"");
    assertThat(body).doesNotContain(FOREIGN.toArray(String[]::new));
  }

  /** A page that fails the way an unforeseen bug would. */
  @Controller
  static class FailingPage {

    static final String PATH = "/test-only/failing-page";

    @GetMapping(PATH)
    String fail() {
      throw new IllegalStateException("Broken on purpose");
    }
  }

  @TestConfiguration
  static class WithAFailingPage {

    @Bean
    FailingPage failingPage() {
      return new FailingPage();
    }
  }
}
