package org.proposalhandling.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In a browser: the office's clerk signs in, lands on his 工作台 and opens the overdue items from their count. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class WorkspaceBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  private final Browser browser = new Browser();

  @AfterEach
  void closeBrowser() {
    browser.close();
    ClockUtil.reset();
  }

  @Test
  void theClerkLandsOnTheWorkspaceAndItsOverdueCountOpensTheOverdueItems() {
    String overdue = "WB" + System.nanoTime();
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(200, ChronoUnit.DAYS)));
    new ItemDriver(engine, outbox).atDrafting(overdue, "jl-mz");
    ClockUtil.reset();

    browser.open("http://localhost:" + port + "/login");
    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.cssSelector("h1"), "工作台");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
    assertThat(browser.visible(By.cssSelector("#tasks")).getText()).contains("待立案审查", "待交办");
    browser.screenshot("workspace-office-clerk");

    WebElement red = browser.visible(By.xpath("//section[@id='deadlines']//a[contains(., '已超期')]"));
    String count = red.findElement(By.cssSelector(".number")).getText();
    assertThat(Integer.parseInt(count)).isPositive();
    red.click();
    browser.waitForText(By.cssSelector("h1"), "办件台账");
    assertThat(browser.driver().getCurrentUrl()).contains("overdue=true");
    assertThat(browser.visible(By.id("total")).getText()).isEqualTo(count);
    assertThat(browser.visible(By.id("ledger")).getText()).contains(overdue);
  }
}
