package org.proposalhandling.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.MailCatcher;
import org.proposalhandling.support.PageChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Each role's day in Chromium, one item handed from role to role: the office's clerk reviews and assigns it,
 * the lead unit's handler records the contact, the co-handling unit's handler gives its opinion, the lead
 * unit's head approves the draft, its official signs it from the mail's link, the proposer answers from his,
 * and the administrator looks in Cockpit and Admin. Every page on the way passes {@link PageChecks}, with the
 * browser in UTC. The screenshots are the user guide's (docs/用户手册.md): {@code -Dregenerate=true} copies
 * them into docs/images/guide.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleWalksBrowserTest {

  static final Path GUIDE_IMAGES = Path.of("docs/images/guide");
  private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");
  private static final String NUMBER = "0201";
  private static final String TITLE = "关于加快农村互助养老服务设施建设的提案";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail smtp;
  @Value("${camunda.bpm.admin-user.password}") String adminPassword;
  Browser browser;
  PageChecks checks;
  ItemDriver items;
  ProcessInstance item;

  @BeforeAll
  void registerTheItemAndOpenTheBrowser() {
    items = new ItemDriver(engine, outbox);
    Map<String, Object> form = ItemDriver.intake(NUMBER);
    form.put("sessionName", "省政协十三届二次会议");
    form.put("title", TITLE);
    form.put("content", "建议以村为单位建设互助养老服务点，由财政给予建设和运营补助。");
    form.put("proposerName", "王建华");
    form.put("proposerPhone", "13904310201");
    item = items.register(form);
    browser = Browser.inZoneRecordingResponses("UTC");
    browser.driver().manage().window().setSize(new Dimension(1280, 860));
    checks = new PageChecks(browser, ZoneId.of("UTC"));
  }

  @AfterAll
  void closeBrowser() {
    browser.close();
  }

  @Test
  @Order(1)
  void theOfficesClerkReviewsAndAssignsTheItemThenReadsItsRecordAndPrintsIt() {
    signIn("jlgov-clerk", "demo");
    guideShot("clerk-workspace");

    openTask("Task_AcceptanceReview");
    guideShot("clerk-unclaimed-review");
    claim();
    pick("立案");
    complete("Task_AcceptanceReview");

    openTask("Task_Assignment");
    claim();
    browser.choose("主办单位", "吉林省民政厅（省民政厅）");
    WebElement coHandling = inView(browser.visible(By.xpath("//label[starts-with(normalize-space(.),'会办单位')]/following::input[1]")));
    coHandling.click();
    coHandling.sendKeys("吉林省财政厅");
    browser.visible(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='吉林省财政厅（省财政厅）']")).click();
    // The list stays open over 办理完成 until the field loses the keyboard.
    coHandling.sendKeys(org.openqa.selenium.Keys.ESCAPE, org.openqa.selenium.Keys.TAB);
    browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".fjs-dropdownlist")).stream().noneMatch(WebElement::isDisplayed));
    guideShot("clerk-assignment");
    complete("Task_Assignment");

    backToWorkspace();
    openLedgerItem();
    guideShot("clerk-item-page");
    assertThat(browser.visible(By.id("app-header")).getText()).contains("刘敏");
    // 打印办理单: the item's record as a PDF, fetched in the clerk's session as his click would.
    assertThat(fetch(browser.visible(By.xpath("//a[contains(., '打印办理单')]")).getAttribute("href")))
        .isEqualTo("200 application/pdf");
    signOut();
  }

  @Test
  @Order(2)
  void theLeadUnitsHandlerRecordsTheContactAndFindsItInTheItemsHistoryInBeijingTime() {
    signIn("jlmz-handler", "demo");
    guideShot("handler-workspace");
    openTask("Task_ContactRecord");
    claim();
    WebElement day = browser.visible(By.xpath("//label[starts-with(normalize-space(.),'联系日期')]/following::input[1]"));
    day.click();
    day.sendKeys("2026-12-01", org.openqa.selenium.Keys.ENTER);
    browser.waitUntil(() -> "2026-12-01".equals(day.getAttribute("value")));
    browser.choose("联系方式", "电话");
    browser.type("沟通内容", "电话联系提出人，听取对互助养老服务点选址的意见。");
    browser.waitUntil(() -> !browser.visible(FORM).getText().contains("为必填项"));
    guideShot("handler-contact-record");
    Instant before = Instant.now();
    complete("Task_ContactRecord");

    openLedgerItem();
    List<String> times = browser.driver().findElements(By.cssSelector("#history li.event .when")).stream()
        .map(WebElement::getText).toList();
    assertThat(times).as("the history's times; the contact was recorded at %s", before)
        .anyMatch(time -> PageChecks.showsOfficeTimeBetween(time, before, Instant.now()));
    signOut();
  }

  @Test
  @Order(3)
  void theCoHandlingUnitsHandlerGivesItsOpinion() {
    signIn("jlcz-handler", "demo");
    openTask("Task_CoHandlingOpinion");
    claim();
    browser.type("会办意见", "省财政厅将把互助养老服务点的建设补助列入明年预算统筹安排。");
    guideShot("co-handler-opinion");
    complete("Task_CoHandlingOpinion");
    backToWorkspace();
    signOut();
  }

  @Test
  @Order(4)
  void theLeadUnitsHeadApprovesTheDraft() {
    items.executeJobs(item);
    items.draft(item, "经研究，我厅将会同省财政厅在明年分批建设村级互助养老服务点。");
    signIn("jlmz-head", "demo");
    guideShot("head-workspace");
    openTask("Task_ReviewReply");
    claim();
    pick("同意");
    guideShot("head-review");
    complete("Task_ReviewReply");
    backToWorkspace();
    signOut();
  }

  @Test
  @Order(5)
  void theOfficialSignsTheReplyFromTheMailsLink() {
    openMailedLink("jlmz-official@demo.local", "/links/sign-off/", "official-sign-off-link");
    browser.visible(By.xpath("//button[contains(., '确认同意签发')]")).click();
    waitUntilDone("Task_SignOff");
    checks.check("official-signed");
  }

  @Test
  @Order(6)
  void theProposerAnswersFromTheReplysLink() {
    openMailedLink("zhangsan@demo.local", "/links/feedback/", "proposer-feedback");
    browser.visible(By.cssSelector("input[name='satisfaction'][value='SATISFIED']")).click();
    browser.visible(By.cssSelector("input[name='contactRating'][value='GOOD']")).click();
    browser.visible(By.cssSelector("input[name='attitudeRating'][value='GOOD']")).click();
    browser.visible(By.id("comments")).sendKeys("答复具体，满意。");
    browser.visible(By.xpath("//button[normalize-space(.)='提交反馈']")).click();
    waitUntilDone("Task_Feedback");
    checks.check("proposer-answered");
  }

  @Test
  @Order(7)
  void theAdministratorLooksInCockpitAndAdmin() {
    signIn("admin", adminPassword);
    guideShot("admin-workspace");
    browser.open(url("/camunda/app/cockpit/default/"));
    browser.visible(By.cssSelector(".dashboard, [cam-dashboard], .processes-dashboard"));
    checks.check("admin-cockpit");
    guideShot("admin-cockpit");
    browser.open(url("/camunda/app/admin/default/#/users"));
    browser.waitForText(By.cssSelector("body"), "jlgov-clerk");
    checks.check("admin-users");
    browser.open(url("/"));
    signOut();
  }

  private void signIn(String user, String password) {
    browser.open(url("/login"));
    // The first page of Tasklist parses Camunda's 4 MB of scripts: the login form waits for no app.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));
    checks.check(user + "-login");
    browser.login(user, password);
    browser.waitForText(By.cssSelector("h1"), "工作台");
    checks.check(user + "-workspace");
  }

  private void signOut() {
    browser.visible(By.cssSelector("#app-header #logout")).click();
    browser.waitUntil(() -> browser.driver().getCurrentUrl().endsWith("/login?logout"));
    checks.check("signed-out");
  }

  /** The item's task of this step in Tasklist, opened unclaimed: the form says to claim it first. */
  private void openTask(String taskKey) {
    browser.open(url("/camunda/app/tasklist/default/#/?task=" + items.task(item, taskKey).getId()));
    browser.visible(FORM);
    browser.waitForText(By.cssSelector(".proposal-claim-hint"), "请先点击“签收”再办理");
    checks.check(taskKey + "-unclaimed");
  }

  private void claim() {
    browser.visible(By.cssSelector("button.claim")).click();
    browser.waitUntil(() -> browser.driver().findElements(By.cssSelector(".disabled-form")).isEmpty());
    checks.check("claimed");
  }

  private void pick(String option) {
    browser.driver().findElements(By.cssSelector(".fjs-form-field-radio label")).stream()
        .filter(label -> label.getText().strip().equals(option)).findFirst().map(this::inView).orElseThrow().click();
  }

  /** The element scrolled to the middle of the window: Tasklist's footer covers the window's last line. */
  private WebElement inView(WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    return element;
  }

  private void complete(String taskKey) {
    String taskId = items.task(item, taskKey).getId();
    browser.driver().findElements(By.cssSelector("button[type='submit']")).stream()
        .filter(button -> button.getText().contains("办理完成")).findFirst().orElseThrow().click();
    try {
      browser.waitUntil(() -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(taskKey + " stayed open: " + browser.visible(By.cssSelector("body")).getText(), e);
    }
    checks.check(taskKey + "-completed");
  }

  private void backToWorkspace() {
    browser.visible(By.cssSelector("li.back-to-workspace a")).click();
    browser.waitForText(By.cssSelector("h1"), "工作台");
    checks.check("back-to-workspace");
  }

  /** The ledger searched by the item's number, and the item's page from its row. */
  private void openLedgerItem() {
    browser.open(url("/items?q=" + NUMBER));
    browser.waitForText(By.cssSelector("h1"), "办件台账");
    checks.check("ledger");
    browser.visible(By.xpath("//table//a[normalize-space(.)='" + NUMBER + "']")).click();
    browser.waitForText(By.cssSelector("h1"), TITLE);
    checks.check("item-page");
  }

  /** The item's mail to this address, sent once the item's jobs have run, and the page its link of this kind opens. */
  private void openMailedLink(String address, String kind, String shot) {
    items.executeJobs(item);
    MailCatcher mail = new MailCatcher(smtp, outbox);
    mail.sendDueMail();
    List<String> links = mail.to(address, "第" + NUMBER + "号").stream()
        .flatMap(message -> MailCatcher.links(MailCatcher.text(message)).stream()).filter(link -> link.contains(kind)).toList();
    assertThat(links).as("%s links in the mail to %s", kind, address).isNotEmpty();
    // The first link: the sign-off mail's 同意签发 comes before its 退回修改.
    browser.open(links.get(0).replace("http://localhost:8080", "http://localhost:" + port));
    browser.waitForText(By.cssSelector("body"), TITLE);
    checks.check(shot);
    guideShot(shot);
  }

  private void waitUntilDone(String taskKey) {
    browser.waitUntil(() -> engine.getTaskService().createTaskQuery().processInstanceId(item.getId())
        .taskDefinitionKey(taskKey).count() == 0);
  }

  private String fetch(String href) {
    return String.valueOf(((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + " fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));", href));
  }

  /** A screenshot of the user guide's; copied into docs/images/guide with -Dregenerate=true. */
  private void guideShot(String name) {
    Path shot = browser.screenshot("guide-" + name);
    if (Boolean.getBoolean("regenerate")) {
      try {
        Files.createDirectories(GUIDE_IMAGES);
        Files.copy(shot, GUIDE_IMAGES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
