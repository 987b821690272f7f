package org.proposalhandling.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In Chromium, each demo role opens the app's pages his header offers (and an item's page): every one carries
 * the same header with his name and unit, and its 退出 signs him out onto the login form. A clerk opening Admin,
 * and a handler opening the office's import, get a Chinese page with that header and a way back.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class HeaderBrowserTest {

  record Role(String user, String name, String unit, List<String> sections) {
  }

  private static final List<Role> ROLES = List.of(
      new Role("jlgov-clerk", "刘敏", "吉林省人民政府办公厅", List.of("待办", "台账", "统计", "导入", "征求意见")),
      new Role("jlmz-handler", "李静", "吉林省民政厅", List.of("待办", "台账", "统计", "征求意见")),
      new Role("jlmz-head", "赵刚", "吉林省民政厅", List.of("待办", "台账", "统计", "征求意见")),
      new Role("jlmz-official", "孙立新", "吉林省民政厅", List.of("待办", "台账", "统计", "征求意见")),
      new Role("admin", "系统管理员", "", List.of("待办", "流程监控", "系统管理")));

  @LocalServerPort int port;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void everyRoleSeesTheOneHeaderOnEveryPageAndSignsOutFromIt() {
    for (Role role : ROLES) {
      browser.open(url("/items"));
      browser.login(role.user(), "admin".equals(role.user()) ? adminPassword : "demo");
      browser.open(url("/dev/mailbox"));
      assertHeader(role);
      List<String> pages = new java.util.ArrayList<>(header().findElements(By.cssSelector("nav a")).stream()
          .map(link -> link.getAttribute("href")).filter(href -> !href.contains("/camunda/")).toList());
      if (role.sections().contains("台账")) {
        browser.open(url("/items"));
        pages.add(browser.visible(By.cssSelector("table a[href^='/items/']")).getAttribute("href"));
      }
      for (String page : pages) {
        browser.open(page);
        assertHeader(role);
      }
      browser.screenshot("header-" + role.user());

      header().findElement(By.id("logout")).click();
      browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("/login?logout"));
      browser.open(url("/items"));
      browser.visible(By.cssSelector("input[name='username']"));
    }
  }

  @Test
  void refusalsAreChinesePagesWithTheHeaderAndAWayBack() {
    browser.open(url("/items"));
    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.cssSelector("h1"), "办件台账");

    browser.open(url("/camunda/app/admin/default/"));
    browser.waitForText(By.cssSelector("h1"), "无权访问");
    assertHeader(ROLES.get(0));
    assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("Forbidden", "No access", "Whitelabel");
    browser.screenshot("refusal-admin-to-a-clerk");
    browser.visible(By.id("back")).click();
    browser.waitUntil(() -> !browser.driver().getCurrentUrl().contains("/camunda/app/admin/"));

    browser.open(url("/items"));
    header().findElement(By.id("logout")).click();
    browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("/login?logout"));
    browser.login("jlmz-handler", "demo");
    browser.open(url("/imports"));
    browser.waitForText(By.cssSelector("h1"), "无法处理");
    assertHeader(ROLES.get(1));
    assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("只有交办机构的交办员");
    header().findElement(By.linkText("台账")).click();
    browser.waitForText(By.cssSelector("h1"), "办件台账");
  }

  private void assertHeader(Role role) {
    WebElement header = header();
    assertThat(header.findElement(By.cssSelector("a.brand")).getText()).isEqualTo("建议提案办理系统");
    assertThat(header.findElement(By.cssSelector("a.brand")).getAttribute("href")).isEqualTo(url("/"));
    assertThat(header.findElements(By.cssSelector("nav a")).stream().map(WebElement::getText).toList())
        .as(browser.driver().getCurrentUrl()).containsExactlyElementsOf(role.sections());
    assertThat(header.findElement(By.cssSelector(".user")).getText())
        .isEqualTo(role.unit().isEmpty() ? role.name() : role.name() + " · " + role.unit());
    assertThat(header.findElement(By.id("logout")).getText()).isEqualTo("退出");
  }

  private WebElement header() {
    return browser.visible(By.id("app-header"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
