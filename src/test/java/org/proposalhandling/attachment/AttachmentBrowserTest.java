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

/** The co-handling unit's handler attaches the sealed opinion on the item page and sees it listed. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AttachmentBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;

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
