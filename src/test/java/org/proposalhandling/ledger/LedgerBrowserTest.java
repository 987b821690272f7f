package org.proposalhandling.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.proposalhandling.item.ItemEventKind;
import org.proposalhandling.item.ItemHistory;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In a browser: the ledger, its search and filters, an item's whole story, a request from the item's page. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LedgerBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemHistory history;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
    ClockUtil.reset();
  }

  @Test
  void theOfficeSearchesFiltersAndReadsAClosedItemsWholeStoryThenTasklistWithoutSigningInAgain() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    String overdueNumber = "OD" + System.nanoTime();
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(200, ChronoUnit.DAYS)));
    driver.atDrafting(overdueNumber, "jl-mz");
    ClockUtil.reset();
    String freshNumber = "FR" + System.nanoTime();
    driver.atDrafting(freshNumber, "jl-mz");
    String closedNumber = "CL" + System.nanoTime();
    ProcessInstance closed = driver.replied(closedNumber);
    driver.feedback(closed, "SATISFIED", "答复具体，满意。");

    browser.open(url("/items"));
    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.cssSelector("h1"), "办件台账");

    search("0044");
    // The number itself first; other tests' items whose numbers contain it may follow.
    assertThat(numbers()).first().isEqualTo("0044");
    browser.screenshot("ledger-search-0044");

    browser.open(url("/items"));
    browser.visible(By.cssSelector("input[name='overdue']")).click();
    browser.visible(By.cssSelector("#filters button[type='submit']")).click();
    browser.waitUntil(() -> browser.driver().getCurrentUrl().contains("overdue=true"));
    assertThat(numbers()).contains(overdueNumber).doesNotContain(freshNumber, closedNumber);
    assertThat(browser.visible(By.xpath("//tr[td/a[normalize-space(.)='" + overdueNumber + "']]")).getText())
        .contains("红", "起草答复");
    browser.screenshot("ledger-overdue");

    browser.open(url("/items"));
    search(closedNumber);
    browser.visible(By.xpath("//a[normalize-space(.)='" + closedNumber + "']")).click();
    browser.waitForText(By.id("stage"), "已办结");
    List<String> shown = browser.driver().findElements(By.cssSelector("#history li.event .what")).stream()
        .map(WebElement::getText).toList();
    List<String> recorded = history.of(closed.getBusinessKey()).stream().map(entry -> entry.kind().label()).toList();
    assertThat(shown).isEqualTo(recorded);
    assertThat(shown).containsSubsequence(ItemEventKind.REGISTERED.label(), ItemEventKind.ACCEPTED.label(),
        ItemEventKind.ASSIGNED.label(), ItemEventKind.CONTACT_RECORDED.label(), ItemEventKind.DRAFT_SUBMITTED.label(),
        ItemEventKind.REVIEW_APPROVED.label(), ItemEventKind.SIGNED.label(), ItemEventKind.DELIVERED.label(),
        ItemEventKind.FEEDBACK_RECORDED.label(), ItemEventKind.CLOSED.label());
    assertThat(browser.driver().findElements(By.cssSelector("#history li.mail"))).isNotEmpty();
    assertThat(browser.visible(By.cssSelector(".reply-body")).getText()).isEqualTo("答复正文");
    browser.screenshot("ledger-closed-item");

    browser.visible(By.xpath("//header//a[normalize-space(.)='待办']")).click();
    browser.waitForText(By.cssSelector("body"), "全部在办");
    assertThat(browser.driver().findElements(By.cssSelector("input[name='password']"))).isEmpty();
  }

  @Test
  void aHandlerAsksForAnExtensionFromTheItemsPageAndTheOfficesTaskAppears() {
    ProcessInstance instance = new ItemDriver(engine, outbox).atDrafting("EX" + System.nanoTime(), "jl-mz");
    browser.open(url("/items/" + instance.getBusinessKey()));
    browser.login("jlmz-handler", "demo");
    browser.visible(By.cssSelector("#extension textarea[name='reason']")).sendKeys("涉及多部门政策调整，需要进一步调研。");

    // Beyond six months from assignment: refused, in Chinese, on the page.
    date("2099-01-01");
    browser.visible(By.cssSelector("#extension button[type='submit']")).click();
    browser.waitForText(By.id("refusal"), "不得晚于交办之日起");
    browser.screenshot("item-extension-refused");
    assertThat(decisionTasks(instance)).isZero();

    browser.visible(By.cssSelector("#extension textarea[name='reason']")).clear();
    browser.visible(By.cssSelector("#extension textarea[name='reason']")).sendKeys("涉及多部门政策调整，需要进一步调研。");
    date(java.time.LocalDate.now().plusMonths(4).toString());
    browser.visible(By.cssSelector("#extension button[type='submit']")).click();
    browser.waitForText(By.id("notice"), "延期申请已提交交办机构审批");
    browser.waitForText(By.id("tasks"), "延期审批");
    assertThat(browser.visible(By.xpath("//tr[td[contains(., '延期审批')]]")).getText()).contains("吉林省人民政府办公厅");
    browser.screenshot("item-extension-requested");
    assertThat(decisionTasks(instance)).isEqualTo(1);
  }

  private long decisionTasks(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_DecideExtension").count();
  }

  /** A date input takes its value as the browser's locale types it: set it the way a date picker does. */
  private void date(String isoDate) {
    WebElement field = browser.visible(By.cssSelector("#extension input[name='requestedDue']"));
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", field, isoDate);
  }

  private void search(String text) {
    WebElement q = browser.visible(By.cssSelector("input[name='q']"));
    q.clear();
    q.sendKeys(text);
    browser.visible(By.cssSelector("#filters button[type='submit']")).click();
    browser.waitUntil(() -> browser.driver().getCurrentUrl().contains("q="));
  }

  private List<String> numbers() {
    return browser.driver().findElements(By.cssSelector("#ledger a.number")).stream().map(WebElement::getText).toList();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

}
