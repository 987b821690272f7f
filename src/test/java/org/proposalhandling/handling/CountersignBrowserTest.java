package org.proposalhandling.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.item.ItemStatus;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A co-handling unit's 会签 in Tasklist: the handler sees the lead unit's draft beside his unit's own opinion,
 * and returns it with a comment, which sends the item back to drafting.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CountersignBrowserTest {

  private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository items;

  @Test
  void theCoHandlingUnitReadsTheDraftBesideItsOpinionAndReturnsIt() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    Map<String, Object> intake = ItemDriver.intake("CSB1");
    intake.put("sessionName", "会签浏览测试" + System.nanoTime());
    ProcessInstance instance = driver.register(intake);
    driver.accept(instance);
    driver.assignWithCountersign(instance, "jl-mz", "jl-cz");
    driver.opinionsToReview(instance, Map.of("jl-cz", "财政厅将统筹安排养老服务补助资金。"),
        "答复稿：省民政厅将在全省推广社区养老服务站。");
    String task = driver.countersignTask(instance, "jl-cz").getId();

    try (Browser browser = new Browser()) {
      browser.open(tasklist(""));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
          .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));
      browser.login("jlcz-handler", "demo");
      browser.waitUntil(() -> !browser.driver().getCurrentUrl().contains("login"));
      browser.open(tasklist("#/?task=" + task));
      browser.visibleAfterOneReload(FORM);
      browser.waitUntil(() -> browser.formValues().contains("财政厅将统筹安排养老服务补助资金。"));
      assertThat(browser.formValues()).contains("答复稿：省民政厅将在全省推广社区养老服务站。", "吉林省民政厅");
      assertThat(browser.visible(FORM).getText()).contains("主办单位答复稿", "本单位此前的会办意见", "会签期限", "会签同意",
          "逾期未会签的，视为同意");
      browser.visible(By.cssSelector("button.claim")).click();
      browser.waitUntil(() -> engine.getTaskService().createTaskQuery().taskId(task).taskAssignee("jlcz-handler").count() == 1);
      browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".disabled-form")).isEmpty());
      browser.driver().findElements(By.cssSelector(".fjs-form-field-radio label")).stream()
          .filter(label -> label.getText().contains("退回主办单位修改")).findFirst().orElseThrow().click();
      browser.type("意见说明", "请写明补助资金的来源。");
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
          browser.visible(By.xpath("//label[normalize-space(.)='会签意见' or normalize-space(.)='会签意见*']")));
      browser.screenshot("form-countersign");
      browser.driver().findElements(By.cssSelector("button[type='submit']")).stream()
          .filter(button -> button.getText().contains("办理完成")).findFirst().orElseThrow().click();
      browser.waitUntil(() -> engine.getTaskService().createTaskQuery().taskId(task).count() == 0);
    }
    driver.executeJobs(instance);
    assertThat(items.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.DRAFTING);
  }

  private String tasklist(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
