package org.proposalhandling.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The office's clerk opens the statistics of the demo items in Chromium: the four charts are drawn, in SVG. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class StatisticsBrowserTest {

  static final List<String> CHARTS = List.of("chart-units", "chart-stages", "chart-satisfaction", "chart-weekly");

  @LocalServerPort int port;
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
  void theOfficeSeesTheChartsDrawn() {
    // HTTP Basic as the page asks for it, sent by the browser with every request of the page.
    ChromeDriver chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("jlgov-clerk:demo".getBytes(StandardCharsets.UTF_8)))));

    browser.open("http://localhost:" + port + "/statistics");
    browser.visible(By.cssSelector("body[data-charts='drawn']"));
    browser.waitForText(By.cssSelector("h1"), "办理统计：全部会议");
    for (String chart : CHARTS) {
      WebElement svg = browser.visible(By.cssSelector("#" + chart + " svg"));
      assertThat(svg.getSize().getHeight()).as(chart).isGreaterThan(200);
      assertThat(svg.findElements(By.cssSelector("path")).size()).as(chart).isGreaterThan(3);
    }
    assertThat(browser.driver().findElement(By.id("chart-satisfaction")).getText()).doesNotContain("暂无数据");
    assertThat(browser.driver().findElement(By.id("chart-units")).getText()).contains("吉林省民政厅");
    assertThat(browser.driver().findElement(By.id("by-session")).getText()).contains("合计", "答复率");
    browser.screenshot("statistics-office");
  }
}
