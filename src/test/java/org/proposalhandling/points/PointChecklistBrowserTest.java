package org.proposalhandling.points;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.points.PointEvaluationTest.Case;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The handler drafting again after the head sent the draft back sees on the item page which point it missed. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class PointChecklistBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;

  @Test
  void theChecklistMarksThePointTheReturnedDraftMisses() throws Exception {
    Case omitted = Case.named("omit-d13-3.txt");
    ItemDriver driver = new ItemDriver(engine, outbox);
    ProcessInstance instance = PointChecksAppTest.atDrafting(driver, "PB1", omitted);
    driver.draft(instance, omitted.reply());
    driver.review(instance, false, "请补充对第三条建议的答复。");

    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/items/" + instance.getBusinessKey());
      browser.login("jlmz-handler", "demo");
      WebElement checklist = browser.visible(By.id("point-checklist"));
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", checklist);
      browser.screenshot("point-checklist");

      assertThat(checklist.findElement(By.id("point-line")).getText()).isEqualTo("第1轮答复稿：" + PointChecksAppTest.MISSING_THIRD);
      assertThat(checklist.findElements(By.cssSelector("ol.points li.answered"))).hasSize(3);
      WebElement missing = checklist.findElement(By.cssSelector("ol.points li.missing"));
      assertThat(missing.getAttribute("data-point")).isEqualTo("3");
      assertThat(missing.getText()).startsWith("✗ 似未涉及").contains("第三条：加快医养康养护工、治疗师服务专业化、产业化发展");
    }
  }
}
