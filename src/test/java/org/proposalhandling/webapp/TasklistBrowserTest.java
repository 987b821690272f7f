package org.proposalhandling.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

/** A clerk, in a browser set to Chinese, logs in to Tasklist and completes a task through its Camunda Form. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemRepository itemRepository;
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
  void aClerkSeesTheChineseTasklistAndCompletesTheAcceptanceReview() {
    ItemDriver items = new ItemDriver(engine, outbox);
    ProcessInstance instance = items.register("W1");
    String taskId = items.task(instance, "Task_AcceptanceReview").getId();

    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.cssSelector("body"), "全部在办");
    browser.waitForText(By.cssSelector("body"), "待督办");
    browser.waitForText(By.cssSelector("body"), "登记建议提案");
    browser.screenshot("tasklist-clerk-filters");

    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"));
    browser.waitForText(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"), "审查意见");
    browser.waitUntil(() -> browser.formValues().contains("关于加强社区养老服务的建议"));
    browser.visible(By.cssSelector("button.claim")).click();
    browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".disabled-form")).isEmpty());
    browser.driver().findElements(By.cssSelector(".fjs-form-field-radio label")).stream()
        .filter(label -> label.getText().contains("立案") && !label.getText().contains("不予"))
        .findFirst().orElseThrow().click();
    browser.screenshot("tasklist-acceptance-review");
    browser.driver().findElements(By.cssSelector("button[type='submit']")).stream()
        .filter(button -> button.getText().contains("办理完成")).findFirst().orElseThrow().click();

    browser.waitUntil(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_Assignment").count() == 1);
    assertThat(itemRepository.get(instance.getBusinessKey()).status()).isEqualTo(ItemStatus.ACCEPTED);

    // 交办: the lead unit from a select and a co-handling unit from a tag list, both filled from the directory.
    String assignmentId = items.task(instance, "Task_Assignment").getId();
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + assignmentId);
    browser.waitForText(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"), "主办单位");
    browser.visible(By.cssSelector("button.claim")).click();
    browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".disabled-form")).isEmpty());
    browser.choose("主办单位", "吉林省民政厅（省民政厅）");
    browser.type("会办单位", "财政");
    browser.visible(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='吉林省财政厅（省财政厅）']")).click();
    browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
    browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    browser.screenshot("tasklist-assignment");
    browser.driver().findElements(By.cssSelector("button[type='submit']")).stream()
        .filter(button -> button.getText().contains("办理完成")).findFirst().orElseThrow().click();

    browser.waitUntil(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ContactRecord").count() == 1);
    assertThat(itemRepository.coHandlingUnitIds(instance.getBusinessKey())).containsExactly("jl-cz");
    assertThat(itemRepository.get(instance.getBusinessKey()).leadUnitId()).isEqualTo("jl-mz");
  }

  @Test
  void aClerkRegistersAnItemThroughTheStartForm() {
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.cssSelector("body"), "登记建议提案");
    browser.driver().findElements(By.xpath("//a[contains(., '登记建议提案')]")).get(0).click();
    browser.visible(By.xpath("//div[contains(@class,'modal')]//a[contains(., '建议提案办理')]")).click();
    browser.visible(By.cssSelector(".modal .fjs-form"));
    browser.waitForText(By.cssSelector(".modal .fjs-form"), "会议届次");
    browser.type("会议届次", "省政协十三届一次会议");
    browser.type("编号", "BR1");
    browser.choose("类别", "委员提案");
    browser.type("标题", "关于完善农村养老服务的建议");
    browser.type("内容", "建议加大农村养老服务设施投入。");
    browser.type("提出人（领衔人）", "王五");
    browser.driver().findElements(By.cssSelector(".modal .fjs-form-field-radio label")).stream()
        .filter(label -> label.getText().strip().equals("同意公开")).findFirst().orElseThrow().click();
    browser.screenshot("tasklist-start-form");
    browser.driver().findElements(By.cssSelector(".modal button")).stream()
        .filter(button -> button.getText().strip().equals("登记")).findFirst().orElseThrow().click();

    // The clerk's office, not a form field, names the assigning office.
    browser.waitUntil(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("proposal-handling").list().stream()
        .map(instance -> itemRepository.get(instance.getBusinessKey()))
        .anyMatch(item -> item.number().equals("BR1") && item.assigningOfficeId().equals("jl-gov")));
  }

  @Test
  void aHandlerSeesTheFiltersOfHisRoleInChinese() {
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.login("jlmz-handler", "demo");
    browser.waitForText(By.cssSelector("body"), "本单位待办");
    browser.screenshot("tasklist-handler-filters");
    for (String filter : new String[] {"我的待办", "本单位待办", "即将到期", "已超期"}) {
      browser.waitForText(By.cssSelector("body"), filter);
    }
    assertThat(browser.visible(By.cssSelector("body")).getText()).doesNotContain("全部在办", "待签发", "待督办");
  }
}
