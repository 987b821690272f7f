package org.proposalhandling.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The words and widgets a clerk meets in Tasklist, in a browser set to Chinese: the login page, registering an
 * item, searching by an item's number, task cards, form-js messages and the date picker (scripts/*.js).
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TasklistWordsBrowserTest {

  private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired JdbcClient jdbc;
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
  void aClerkLogsInToTheProductAndRegistersAnItem() {
    openLoginPage();
    // Tasklist leads to the one login, which shows the product's logo and name, not CAMUNDA.
    WebElement title = browser.visible(By.cssSelector("form h1"));
    assertThat(title.getText()).contains("建议提案办理系统");
    assertThat(title.findElement(By.tagName("img")).getAttribute("src")).endsWith("/brand/logo.svg");
    assertThat(browser.driver().getPageSource()).doesNotContain("CAMUNDA");
    browser.screenshot("tasklist-login-product");

    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.cssSelector("body"), "登记建议提案");
    // Chinese relative dates from the first page of the first login, not "a few seconds ago" until a reload.
    browser.waitUntil(() -> !browser.driver().findElements(By.cssSelector(".tasks-list .task")).isEmpty());
    String cards = browser.visible(By.cssSelector(".tasks-list")).getText();
    assertThat(cards).containsPattern("\\d+ ?(天|个月|小时|分钟)(前|后)|几秒(前|后)")
        .doesNotContainPattern("(?i)\\bago\\b|\\bin \\d+|\\ba few\\b|\\bmonths?\\b");
    assertThat(browser.visible(By.cssSelector("body")).getText()).doesNotContain("新建任务", "发起流程");

    String session = "测试会议" + System.nanoTime();
    browser.driver().findElements(By.xpath("//a[contains(., '登记建议提案')]")).get(0).click();
    browser.visible(By.xpath("//div[contains(@class,'modal')]//a[contains(., '建议提案办理')]")).click();
    browser.waitForText(By.cssSelector(".modal .fjs-form"), "会议届次");
    browser.type("会议届次", session);
    browser.type("编号", "BR2");
    browser.choose("类别", "委员提案");
    browser.type("标题", "关于完善农村养老服务的建议");
    browser.type("内容", "建议加大农村养老服务设施投入。");
    browser.type("提出人（领衔人）", "王五");
    browser.driver().findElements(By.cssSelector(".modal .fjs-form-field-radio label")).stream()
        .filter(label -> label.getText().strip().equals("同意公开")).findFirst().orElseThrow().click();
    browser.driver().findElements(By.cssSelector(".modal button")).stream()
        .filter(button -> button.getText().strip().equals("登记")).findFirst().orElseThrow().click();

    browser.waitForText(By.cssSelector(".page-notifications"), "已登记：" + session + "第BR2号");
    browser.screenshot("tasklist-registered-toast");
  }

  @Test
  void aHandlerFindsATaskByTheItemsNumberAndSeesItsDueDay() {
    ItemDriver items = new ItemDriver(engine, outbox);
    String session = "测试会议" + System.nanoTime();
    ProcessInstance wanted = atContactRecord(items, session, "0044");
    atContactRecord(items, session, "7781");

    openLoginPage();
    browser.login("jlmz-handler", "demo");
    // Not waiting for either task on the first page: in the shared test context other classes' tasks (some
    // created under a moved clock, so "newer") may fill it; the search has to find 0044 wherever it stands.
    browser.visible(By.cssSelector(".tasks-list"));
    WebElement search = browser.visible(By.cssSelector(".search-container > input"));
    search.sendKeys("0044");
    search.sendKeys(Keys.ENTER);
    browser.waitUntil(() -> text(".tasks-list").contains(session + "第0044号") && !text(".tasks-list").contains("第7781号"));
    browser.screenshot("tasklist-search-0044");

    // The card of 0044's task: its due day as yyyy-MM-dd, the working days left, no raw priority.
    String due = engine.getTaskService().createTaskQuery().processInstanceId(wanted.getId()).singleResult().getDueDate()
        .toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    browser.waitUntil(() -> text(".tasks-list .proposal-due").contains("期限 " + due) && text(".tasks-list .proposal-due").contains("工作日"));
    assertThat(script("return Array.from(document.querySelectorAll('.tasks-list .priority'))"
        + ".every(p => getComputedStyle(p).display === 'none');")).isEqualTo(true);
  }

  @Test
  void aHandlerRecordsTheContactInAChineseFormAndTheTypedDayIsKept() {
    ItemDriver items = new ItemDriver(engine, outbox);
    ProcessInstance instance = atContactRecord(items, "测试会议" + System.nanoTime(), "0045");
    String taskId = items.task(instance, "Task_ContactRecord").getId();

    openLoginPage();
    browser.login("jlmz-handler", "demo");
    browser.waitForText(By.cssSelector("body"), "本单位待办");
    browser.open(tasklist("#/?task=" + taskId));
    browser.visibleAfterOneReload(FORM);
    browser.visible(By.cssSelector("button.claim")).click();
    browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".disabled-form")).isEmpty());
    assertThat(text(".fjs-form .fjs-form-field-select .fjs-select-display")).isEqualTo("请选择");
    complete();
    browser.waitForText(FORM, "「联系方式」为必填项");
    browser.waitForText(By.cssSelector(".page-notifications"), "请按表单中标红的提示填写后再提交");
    assertThat(text(".fjs-form")).contains("「联系日期」为必填项", "「沟通内容」为必填项").doesNotContain("Field is required", "Select");
    browser.screenshot("tasklist-required-chinese");

    WebElement day = browser.visible(By.xpath("//label[starts-with(normalize-space(.),'联系日期')]/following::input[1]"));
    assertThat(day.getAttribute("placeholder")).isEqualTo("yyyy-MM-dd");
    day.click();
    browser.visible(By.cssSelector(".flatpickr-calendar.open"));
    List<String> weekdays = browser.driver().findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday"))
        .stream().map(WebElement::getText).map(String::strip).toList();
    assertThat(weekdays).containsExactly("一", "二", "三", "四", "五", "六", "日");
    assertThat(text(".flatpickr-calendar.open .flatpickr-monthDropdown-months")).contains("12月");
    browser.screenshot("tasklist-date-picker-chinese");

    day.sendKeys("2026-02-30", Keys.ENTER);
    browser.waitForText(By.cssSelector(".proposal-date-refused"), "「2026-02-30」不是有效日期");
    assertThat(day.getAttribute("value")).isEmpty();
    day.click();
    day.sendKeys("2026-11-20", Keys.ENTER);
    browser.waitUntil(() -> "2026-11-20".equals(day.getAttribute("value")));
    browser.choose("联系方式", "电话");
    browser.type("沟通内容", "电话联系提出人，听取意见。");
    browser.screenshot("tasklist-contact-record-filled");
    // The earlier error message is still open and leaves 办理完成 free (a covered button refuses the click).
    assertThat(browser.driver().findElements(By.cssSelector(".page-notifications .alert-danger"))).isNotEmpty();
    // The form takes a value when its field's input settles: submitting before that would be refused as incomplete.
    browser.waitUntil(() -> !text(".fjs-form").contains("为必填项"));
    complete();

    try {
      browser.waitUntil(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (TimeoutException e) {
      browser.screenshot("tasklist-contact-record-not-completed");
      throw new AssertionError("The task stayed open. Notices: " + text(".page-notifications")
          + " Form: " + text(".fjs-form"), e);
    }
    // The typed day, kept in the item's contact record (the form's values stay out of the engine's history).
    assertThat(jdbc.sql("select contacted_on from contact_record where item_id = ?").param(instance.getBusinessKey())
        .query(java.time.LocalDate.class).single()).isEqualTo("2026-11-20");
  }

  @Test
  void anUnclaimedTaskSaysToClaimOffersNoControlItsUserMayNotUseAndLeadsBackToTheApp() {
    ItemDriver items = new ItemDriver(engine, outbox);
    ProcessInstance instance = atContactRecord(items, "测试会议" + System.nanoTime(), "0046");
    String taskId = items.task(instance, "Task_ContactRecord").getId();

    openLoginPage();
    browser.login("jlmz-handler", "demo");
    browser.waitForText(By.cssSelector("body"), "本单位待办");
    browser.open(tasklist("#/?task=" + taskId));
    browser.visibleAfterOneReload(FORM);

    // Unclaimed: the grey form says why, until the task is claimed.
    browser.waitForText(By.cssSelector(".proposal-claim-hint"), "请先点击“签收”再办理");
    // A candidate (TASK_WORK) may not change due or follow-up dates or groups: no control offers it.
    browser.visible(By.cssSelector("[cam-tasklist-task-meta] .groups"));
    assertThat(displayed("[cam-tasklist-task-meta] .due-date, [cam-tasklist-task-meta] .followup-date,"
        + " [cam-tasklist-task-meta] .reset-due-date, [cam-tasklist-task-meta] .reset-follow-up-date")).isZero();
    assertThat(browser.visible(By.cssSelector("[cam-tasklist-task-meta]")).getText())
        .doesNotContain("设置到期日", "重置到期日", "设置跟进日期", "添加组");
    // Cards: the item's title and the due day with a mark, never a relative due or follow-up date.
    browser.waitUntil(() -> text(".tasks-list .proposal-due").contains("期限"));
    assertThat(browser.visible(By.cssSelector(".tasks-list")).getText())
        .contains(items.task(instance, "Task_ContactRecord").getDescription())
        .doesNotContainPattern("(到期|跟进|🔔)\\s*\\S*\\s*\\d*\\s*(天|个月|小时|分钟|年)(前|后)");
    browser.screenshot("tasklist-unclaimed-hint");

    browser.visible(By.cssSelector("button.claim")).click();
    browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".disabled-form")).isEmpty());
    assertThat(displayed(".proposal-claim-hint")).isZero();

    // An engine error in Java's English reaches the clerk in Chinese, as the refused 重置到期日 answered.
    script("angular.element(document.body).injector().get('Notifications').addError({status: '失败', message:"
        + " 'Cannot construct instance of `org.camunda.bpm.engine.form.CamundaFormRef` (no Creators)'});");
    browser.waitForText(By.cssSelector(".page-notifications"), "操作未能完成");
    assertThat(text(".page-notifications")).doesNotContain("Cannot construct", "org.camunda");

    // The task's tabs: no 历史 (it listed this one task's operations, 暂无历史记录 for a long-running item), and the
    // whole process fitted to the diagram's panel, neither cut off nor a stamp in its corner.
    assertThat(browser.driver().findElements(By.xpath("//a[normalize-space(.)='历史']")).stream()
        .filter(WebElement::isDisplayed).count()).isZero();
    browser.visible(By.xpath("//a[normalize-space(.)='流程图']")).click();
    browser.visible(By.cssSelector(".diagram-pane svg .viewport"));
    browser.waitUntil(() -> Boolean.TRUE.equals(script("const pane = document.querySelector('.diagram-pane');"
        + " const p = pane.getBoundingClientRect(), d = pane.querySelector('svg .viewport').getBoundingClientRect();"
        + " return p.height >= 360 && d.left >= p.left - 2 && d.right <= p.right + 2 && d.top >= p.top - 2"
        + " && d.bottom <= p.bottom + 2 && (d.width >= 0.8 * p.width || d.height >= 0.8 * p.height);")));
    browser.screenshot("tasklist-diagram-fitted");

    // The way back to the app from Tasklist's header.
    assertThat(browser.visible(By.cssSelector("li.back-to-workspace a")).getText()).isEqualTo("返回工作台");
    assertThat(browser.visible(By.cssSelector("li.back-to-workspace a")).getAttribute("href"))
        .isEqualTo("http://localhost:" + port + "/");
    browser.screenshot("tasklist-way-back");
    browser.visible(By.cssSelector("li.back-to-ledger a")).click();
    browser.waitUntil(() -> browser.driver().getCurrentUrl().equals("http://localhost:" + port + "/items"));
  }

  private long displayed(String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).count();
  }

  private ProcessInstance atContactRecord(ItemDriver items, String session, String number) {
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("sessionName", session);
    ProcessInstance instance = items.register(form);
    items.accept(instance);
    items.assign(instance, "jl-mz");
    return instance;
  }

  /** The first page of a fresh browser parses Camunda's 4 MB of scripts: on a busy 2-core machine that can take long. */
  private void openLoginPage() {
    browser.open(tasklist(""));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));
  }

  private void complete() {
    browser.driver().findElements(By.cssSelector("button[type='submit']")).stream()
        .filter(button -> button.getText().contains("办理完成")).findFirst().orElseThrow().click();
  }

  private String tasklist(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }

  private String text(String css) {
    return String.valueOf(script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)"
        + ".join(' ').replace(/\\s+/g, ' ').trim();", css));
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(js, args);
  }
}
