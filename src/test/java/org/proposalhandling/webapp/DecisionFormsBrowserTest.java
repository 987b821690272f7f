package org.proposalhandling.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * What a person decides on, seen in a browser set to Chinese: the handler's contact form shows how to reach
 * the proposer, the claimed drafting form names him as 承办人, and the official's sign-off page (from the
 * mail's link) shows the co-handling opinions and the contact record beside the draft.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DecisionFormsBrowserTest {

  private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired GreenMail smtp;
  @Autowired MailOutbox outbox;
  Browser browser;
  ItemDriver items;

  @BeforeEach
  void openBrowser() {
    browser = new Browser();
    items = new ItemDriver(engine, outbox);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void theHandlerSeesTheProposersPhoneAndFindsHimselfAsHandlerOfTheDraft() {
    ProcessInstance instance = assigned("DF1", "jl-mz");
    String contactTask = items.task(instance, "Task_ContactRecord").getId();

    openLoginPage();
    browser.login("jlmz-handler", "demo");
    browser.waitForText(By.cssSelector("body"), "本单位待办");
    browser.open(tasklist("#/?task=" + contactTask));
    browser.visibleAfterOneReload(FORM);
    browser.waitUntil(() -> browser.formValues().contains("13900002222"));
    assertThat(browser.formValues()).contains("zhangsan@demo.local");
    assertThat(browser.visible(FORM).getText()).contains("提出人联系电话", "提出人电子邮箱", "办件编号")
        .doesNotContain("提出人不满意的理由");
    scrollTo("提出人联系电话");
    browser.screenshot("form-contact-record-proposer-phone");

    items.recordContact(instance);
    items.executeJobs(instance);
    String draftTask = items.task(instance, "Task_DraftReply").getId();
    browser.open(tasklist("#/?task=" + draftTask));
    browser.visibleAfterOneReload(FORM);
    browser.visible(By.cssSelector("button.claim")).click();
    browser.waitUntil(() -> engine.getTaskService().createTaskQuery().taskId(draftTask).taskAssignee("jlmz-handler").count() == 1);
    // Tasklist keeps the form it loaded before the claim; the task opened again shows what the claim filled in.
    browser.driver().navigate().refresh();
    browser.visible(FORM);
    browser.waitUntil(() -> browser.formValues().contains("李静") && browser.formValues().contains("0431-88900001"));
    assertThat(browser.visible(FORM).getText()).contains("会办单位意见", "沟通联系情况").doesNotContain("退回意见", "提出人反馈意见");
    scrollTo("承办人");
    browser.screenshot("form-drafting-handler-prefilled");
  }

  @Test
  void theOfficialsSignOffPageShowsTheCoHandlingOpinionsAndTheContact() {
    ProcessInstance instance = assigned("DF2", "jl-mz", "jl-cz");
    items.giveOpinion(instance, "jl-cz", "财政厅将统筹安排补助资金。");
    items.recordContact(instance);
    items.executeJobs(instance);
    items.draft(instance, "答复正文DF2");
    items.review(instance, true, null);
    MailCatcher mail = new MailCatcher(smtp, outbox);
    mail.sendDueMail();
    String link = MailCatcher.links(MailCatcher.text(mail.to("jlmz-official@demo.local", "第DF2号").get(0))).get(0)
        .replace("http://localhost:8080", "http://localhost:" + port);

    browser.open(link);
    browser.waitForText(By.id("co-handling-opinions"), "财政厅将统筹安排补助资金。");
    assertThat(browser.visible(By.id("co-handling-opinions")).getText()).contains("会办单位意见", "吉林省财政厅");
    assertThat(browser.visible(By.id("contact-record")).getText()).contains("电话联系提出人，听取意见。");
    assertThat(browser.visible(By.id("item-content")).getText()).contains("建议在每个社区设立养老服务站点。");
    assertThat(browser.visible(By.cssSelector("main")).getText()).contains("答复正文DF2", "确认同意签发")
        .doesNotContain("再次办理", "不满意的理由");
    browser.screenshot("sign-off-link-co-handling-opinions");
  }

  @Test
  void inRehandlingTheOfficialSeesTheRoundTheProposersReasonAndTheFirstReplyOnTheLinkAndInTasklist() {
    ProcessInstance instance = items.rehandling("DF3", "答复未说明经费来源，请给出建设时间表。");
    items.draft(instance, "第二轮答复正文DF3：站点建设经费由省级财政安排，2027年6月底前建成。");
    items.review(instance, true, null);
    MailCatcher mail = new MailCatcher(smtp, outbox);
    mail.sendDueMail();
    List<MimeMessage> mails = mail.to("jlmz-official@demo.local", "第DF3号");
    String link = MailCatcher.links(MailCatcher.text(mails.get(mails.size() - 1))).get(0)
        .replace("http://localhost:8080", "http://localhost:" + port);

    browser.open(link);
    browser.waitForText(By.id("rehandling"), "再次办理（第2轮）");
    assertThat(browser.visible(By.id("rehandling")).getText()).contains("提出人不满意的理由", "答复未说明经费来源，请给出建设时间表。");
    assertThat(browser.visible(By.id("earlier-reply")).getText()).contains("第1轮答复（吉民议字〔", "答复正文");
    browser.screenshot("sign-off-link-rehandling");

    String signOffTask = items.task(instance, "Task_SignOff").getId();
    openLoginPage();
    browser.login("jlmz-official", "demo");
    browser.waitUntil(() -> !browser.driver().getCurrentUrl().contains("login"));
    browser.open(tasklist("#/?task=" + signOffTask));
    browser.visibleAfterOneReload(FORM);
    browser.waitUntil(() -> browser.formValues().contains("答复未说明经费来源，请给出建设时间表。"));
    assertThat(browser.visible(FORM).getText()).contains("【再次办理（第2轮）】", "提出人不满意的理由", "上一轮答复文号", "上一轮答复全文");
    assertThat(browser.formValues()).contains("吉民议字〔", "第二轮答复正文DF3");
    scrollTo("提出人不满意的理由");
    browser.screenshot("form-sign-off-rehandling");
  }

  private ProcessInstance assigned(String number, String leadUnit, String... coUnits) {
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("sessionName", "表单浏览测试" + System.nanoTime());
    form.put("proposerPhone", "13900002222");
    ProcessInstance instance = items.register(form);
    items.accept(instance);
    items.assign(instance, leadUnit, coUnits);
    return instance;
  }

  /** The first page of a fresh browser parses Camunda's 4 MB of scripts: on a busy machine that can take long. */
  private void openLoginPage() {
    browser.open(tasklist(""));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='username']")));
  }

  /** Brings the form field with this label into view, for the screenshot. */
  private void scrollTo(String label) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        browser.visible(By.xpath("//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']")));
  }

  private String tasklist(String fragment) {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/" + fragment;
  }
}
