package org.proposalhandling.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The office's clerk, at 立案审查 in Tasklist, follows the form's link to the item page and attaches the scanned
 * original, his task still open where he left it; the co-handling unit's handler attaches the sealed opinion on the
 * item page. Each sees the file listed with its step.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AttachmentBrowserTest {

  private static final By FORM = By.cssSelector("[cam-tasklist-form-camunda] .fjs-form");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;

  @Test
  void theClerkAttachesTheScannedOriginalAtAcceptanceFromTheTasksFormAndKeepsHisPlace() throws Exception {
    ProcessInstance instance = new ItemDriver(engine, outbox).register("AB" + System.nanoTime());
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    Path scan = Files.createTempDirectory("scan").resolve("提案原件（扫描件）.pdf");
    Files.write(scan, AttachmentAccessTest.PDF);

    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
      browser.login("jlgov-clerk", "demo");
      browser.waitUntil(() -> !browser.driver().getCurrentUrl().contains("login"));
      browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
      browser.visibleAfterOneReload(FORM);
      String tasklist = browser.driver().getWindowHandle();
      browser.visible(By.partialLinkText("在办件页面的“附件”中上传")).click();
      browser.waitUntil(() -> browser.driver().getWindowHandles().size() == 2);
      browser.driver().switchTo().window(browser.driver().getWindowHandles().stream()
          .filter(handle -> !handle.equals(tasklist)).findFirst().orElseThrow());
      new Select(browser.visible(By.cssSelector("#file-upload select[name='step']"))).selectByVisibleText("立案审查");
      browser.driver().findElement(By.cssSelector("#file-upload input[type='file']")).sendKeys(scan.toString());
      browser.driver().findElement(By.cssSelector("#file-upload button[type='submit']")).click();

      browser.waitForText(By.id("notice"), "附件「提案原件（扫描件）.pdf」已上传（PDF 文档）");
      browser.screenshot("attachment-at-acceptance");
      assertThat(browser.visible(By.cssSelector("#files tr.file")).getText()).contains("提案原件（扫描件）.pdf", "立案审查");
      browser.driver().close();
      browser.driver().switchTo().window(tasklist);
      assertThat(browser.visible(FORM).getText()).as("the task's form where he left it").contains("审查意见");
    }
  }

  @Test
  void theSealedOpinionUploadedOnTheItemPageIsListedWithItsStep() throws Exception {
    ProcessInstance instance = AttachmentAccessTest.coHandled(new ItemDriver(engine, outbox));
    Path scan = Files.createTempDirectory("scan").resolve("会办意见（盖章）.pdf");
    Files.write(scan, AttachmentAccessTest.PDF);

    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/items/" + instance.getBusinessKey());
      browser.login("jlcz-handler", "demo");
      new Select(browser.visible(By.cssSelector("#file-upload select[name='step']"))).selectByVisibleText("会办意见");
      browser.driver().findElement(By.cssSelector("#file-upload input[type='file']")).sendKeys(scan.toString());
      browser.driver().findElement(By.cssSelector("#file-upload button[type='submit']")).click();

      browser.waitForText(By.id("notice"), "附件「会办意见（盖章）.pdf」已上传（PDF 文档）");
      String row = browser.visible(By.cssSelector("#files tr.file")).getText();
      browser.screenshot("attachment-listed");
      assertThat(row).contains("会办意见（盖章）.pdf", "PDF 文档", "会办意见", "撤回", "替换");
    }
  }
}
