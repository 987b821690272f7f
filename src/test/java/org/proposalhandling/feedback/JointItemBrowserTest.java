package org.proposalhandling.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.proposalhandling.item.ItemRepository;
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
 * A joint item registered with three co-signers by filling Tasklist's start form (登记建议提案), seen by the office
 * in Tasklist and on the item page, replied to, and answered by one co-signer on the page of his own link.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class JointItemBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;

  @Test
  void fromIntakeToACoSignersFeedbackPage() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    MailCatcher mail = new MailCatcher(smtp, outbox);
    JointItems joint = new JointItems(driver, mail, port);
    Map<String, Object> intake = joint.intake("JB1");

    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));
      browser.login("jlgov-clerk", "demo");
      browser.waitForText(By.cssSelector("body"), "登记建议提案");
      browser.driver().findElements(By.xpath("//a[contains(., '登记建议提案')]")).get(0).click();
      browser.visible(By.xpath("//div[contains(@class,'modal')]//a[contains(., '建议提案办理')]")).click();
      browser.waitForText(By.cssSelector(".modal .fjs-form"), "会议届次");
      browser.type("会议届次", joint.session);
      browser.type("编号", "JB1");
      browser.choose("类别", "委员提案");
      browser.type("标题", (String) intake.get("title"));
      browser.type("内容", (String) intake.get("content"));
      browser.type("提出人（领衔人）", (String) intake.get("proposerName"));
      browser.type("附议人（联名人）", (String) intake.get("coSigners"));
      browser.type("提出人电子邮箱", JointItems.LEAD);
      browser.driver().findElements(By.cssSelector(".modal .fjs-form-field-radio label")).stream()
          .filter(label -> label.getText().strip().equals("同意公开")).findFirst().orElseThrow().click();
      browser.screenshot("joint-item-start-form");
      browser.driver().findElements(By.cssSelector(".modal button")).stream()
          .filter(button -> button.getText().strip().equals("登记")).findFirst().orElseThrow().click();
      browser.waitUntil(() -> registered(joint.session) != null);
      ProcessInstance registered = registered(joint.session);
      driver.executeJobs(registered);

      browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task="
          + driver.task(registered, "Task_AcceptanceReview").getId());
      browser.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"));
      browser.waitUntil(() -> browser.formValues().contains("李四（经济界）、王五、赵六"));
      assertThat(browser.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form")).getText()).contains("附议人（联名人）");
      browser.screenshot("joint-item-header-in-tasklist");

      browser.open("http://localhost:" + port + "/items/" + registered.getBusinessKey());
      assertThat(browser.visible(By.id("co-signers")).getText()).contains("李四（经济界）", "lisi@demo.local", "13800000002", "赵六");
      browser.screenshot("joint-item-page-co-signers");

      driver.signedOff(driver.toDrafting(registered, "jl-mz"));
      mail.sendDueMail();
      browser.open(joint.link("JB1", JointItems.CO_SIGNERS[1]));
      assertThat(browser.visible(By.cssSelector("main")).getText()).contains("答复正文", "作为联名人王五的意见单独记录");
      browser.visible(By.cssSelector("input[name='satisfaction'][value='UNSATISFIED']")).click();
      browser.visible(By.id("comments")).sendKeys("时间表不明确。");
      browser.visible(By.cssSelector("form button[type='submit']")).click();
      browser.waitForText(By.cssSelector("main"), "感谢您的反馈");
      assertThat(browser.visible(By.id("answers")).getText()).contains("不满意", "时间表不明确。");
      browser.screenshot("joint-item-co-signer-feedback");
      // His answer is his own: the lead proposer's feedback task stays open.
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(registered.getId())
          .taskDefinitionKey("Task_Feedback").count()).isEqualTo(1);
    }
  }

  /** The item registered in this session, once the start form's submission has started its process. */
  private ProcessInstance registered(String session) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("proposal-handling").list().stream()
        .filter(instance -> items.get(instance.getBusinessKey()).sessionName().equals(session)).findFirst().orElse(null);
  }
}
