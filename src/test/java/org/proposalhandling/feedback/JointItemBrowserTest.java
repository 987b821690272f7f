package org.proposalhandling.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A joint item registered with three co-signers (the start form's values), seen by the office in Tasklist and on
 * the item page, and answered by one co-signer on the page of his own link.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class JointItemBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;

  @Test
  void fromIntakeToACoSignersFeedbackPage() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    JointItems joint = new JointItems(driver, new MailCatcher(smtp, outbox), port);
    ProcessInstance registered = driver.register(joint.intake("JB1"));
    String review = driver.task(registered, "Task_AcceptanceReview").getId();
    ProcessInstance replied = joint.replied("JB2");

    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));
      browser.login("jlgov-clerk", "demo");
      browser.waitForText(By.cssSelector("body"), "待办");
      browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review);
      browser.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"));
      browser.screenshot("joint-item-header-in-tasklist");
      browser.waitUntil(() -> browser.formValues().contains("李四（经济界）、王五、赵六"));
      assertThat(browser.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form")).getText()).contains("附议人（联名人）");
      browser.screenshot("joint-item-header-in-tasklist");

      browser.open("http://localhost:" + port + "/items/" + registered.getBusinessKey());
      assertThat(browser.visible(By.id("co-signers")).getText()).contains("李四（经济界）", "lisi@demo.local", "13800000002", "赵六");
      browser.screenshot("joint-item-page-co-signers");

      browser.open(joint.link("JB2", JointItems.CO_SIGNERS[1]));
      assertThat(browser.visible(By.cssSelector("main")).getText()).contains("答复正文", "作为联名人王五的意见单独记录");
      browser.visible(By.cssSelector("input[name='satisfaction'][value='UNSATISFIED']")).click();
      browser.visible(By.id("comments")).sendKeys("时间表不明确。");
      browser.visible(By.cssSelector("form button[type='submit']")).click();
      browser.waitForText(By.cssSelector("main"), "感谢您的反馈");
      assertThat(browser.visible(By.id("answers")).getText()).contains("不满意", "时间表不明确。");
      browser.screenshot("joint-item-co-signer-feedback");
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(replied.getId()).taskDefinitionKey("Task_Feedback")
        .count()).isEqualTo(1);
  }
}
