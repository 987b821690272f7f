package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.intakeimport.ImportFiles.csv;
import static org.proposalhandling.intakeimport.ImportFiles.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The office's clerk, in a browser set to Chinese, uploads a file, sees its preview, confirms, and watches it import. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ImportBrowserTest {

  static final String SESSION = "省政协十三届二次会议";

  @LocalServerPort int port;
  @Autowired ItemRepository items;
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
  void aClerkUploadsAFileConfirmsThePreviewAndWatchesTheProgressBarFinish() throws Exception {
    String prefix = "W" + System.nanoTime() % 1_000_000 + "-";
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      rows.add(row(SESSION, prefix + i, "关于第" + i + "批老旧小区改造的建议"));
    }
    Path broken = Files.createTempFile("broken", ".csv");
    Files.writeString(broken, csv(List.of(ImportFiles.with(row(SESSION, prefix + "x", "标题"), ImportColumn.KIND, "意见"))));
    Path file = Files.createTempFile("session", ".csv");
    Files.write(file, csv(rows).getBytes(TextEncoding.GBK));

    browser.open("http://localhost:" + port + "/imports");
    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.tagName("h1"), "批量导入建议提案");
    assertThat(browser.visible(By.id("template")).getAttribute("href")).endsWith("/imports/template.xlsx");

    browser.visible(By.id("file")).sendKeys(broken.toString());
    browser.visible(By.id("upload")).click();
    browser.waitForText(By.id("errors"), "未导入任何内容");
    assertThat(browser.visible(By.cssSelector(".import-error")).getText()).contains("2").contains("类别").contains("意见");
    browser.screenshot("import-errors");

    browser.visible(By.id("file")).sendKeys(file.toString());
    browser.visible(By.id("upload")).click();
    browser.waitForText(By.id("preview"), "全部 60 行检查无误");
    assertThat(browser.visible(By.id("by-kind")).getText()).contains("委员提案").contains("60");
    assertThat(browser.visible(By.id("by-lead-unit")).getText()).contains("吉林省民政厅");
    assertThat(browser.visible(By.id("hints")).getText()).contains("可能重复");
    browser.screenshot("import-preview");
    browser.visible(By.id("confirm")).click();

    browser.visible(By.id("progress"));
    browser.waitForText(By.id("state"), "已完成");
    assertThat(browser.visible(By.id("progress")).getAttribute("value")).isEqualTo("60");
    assertThat(browser.visible(By.id("started")).getText()).isEqualTo("60");
    assertThat(browser.visible(By.id("assign")).isDisplayed()).isTrue();
    browser.screenshot("import-done");
    assertThat(items.findBySessionAndNumber(SESSION, prefix + 60).orElseThrow().title()).isEqualTo("关于第60批老旧小区改造的建议");
  }
}
