package org.proposalhandling.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One event, the reply signed and sent at 01:30 in Beijing, read with the server's JVM and the browser in UTC
 * (where it is still the day before, 17:30): the item page, the ledger, the mailbox, the letter and the export
 * all say the Beijing day and time.
 */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class OfficeTimeBrowserTest {

  static final Instant SIGNED = Instant.parse("2026-12-07T17:30:00Z");
  static final String BEIJING_TIME = "2026-12-08 01:30";
  static final String BEIJING_DAY = "2026-12-08";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  final TimeZone jvmZone = TimeZone.getDefault();
  Browser browser;

  @BeforeEach
  void serverAndBrowserInUtc() {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    browser = Browser.inZone("UTC");
  }

  @AfterEach
  void restore() {
    browser.close();
    ClockUtil.reset();
    TimeZone.setDefault(jvmZone);
  }

  @Test
  void theSameBeijingTimeOnTheItemPageTheLedgerTheMailboxTheLetterAndTheExport() throws IOException {
    String number = "TZ" + System.nanoTime();
    ClockUtil.setCurrentTime(Date.from(SIGNED));
    ProcessInstance replied = new ItemDriver(engine, outbox).replied(number);
    String itemId = replied.getBusinessKey();

    browser.open(url("/items/" + itemId));
    browser.login("jlgov-clerk", "demo");
    browser.waitForText(By.id("stage"), "已答复");
    assertThat(texts("#history li.event .when")).isNotEmpty().allMatch(BEIJING_TIME::equals);
    assertThat(texts("#tasks td.when")).isNotEmpty().allMatch(BEIJING_TIME::equals);
    assertThat(browser.visible(By.xpath("//dt[.='签发']/following-sibling::dd[1]")).getText()).isEqualTo(BEIJING_TIME);
    assertThat(browser.visible(By.xpath("//dt[.='送达']/following-sibling::dd[1]")).getText()).isEqualTo(BEIJING_TIME);
    browser.screenshot("office-time-item");

    browser.open(url("/items?q=" + number));
    WebElement row = browser.visible(By.xpath("//tr[td/a[normalize-space(.)='" + number + "']]"));
    assertThat(row.findElement(By.cssSelector("td.date")).getText()).isEqualTo(BEIJING_DAY);
    assertThat(row.findElement(By.cssSelector("td.date")).getCssValue("white-space")).isEqualTo("nowrap");

    browser.open(url("/dev/mailbox"));
    WebElement mail = browser.visible(By.xpath("//section[contains(@class,'mail')][contains(., '" + number + "')]"));
    assertThat(mail.findElement(By.xpath(".//dt[.='时间']/following-sibling::dd[1]")).getText()).isEqualTo(BEIJING_TIME);

    WebSession session = new WebSession(port);
    session.login("jlgov-clerk", "demo");
    HttpResponse<byte[]> letter = session.getBytes("/items/" + itemId + "/reply-1.pdf");
    assertThat(letter.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(letter.body())) {
      assertThat(new PDFTextStripper().getText(document)).contains("2026年12月8日");
    }
    HttpResponse<byte[]> export = session.getBytes("/items/export?q=" + number);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
      Row header = workbook.getSheetAt(0).getRow(0);
      int assignedOn = 0;
      while (!header.getCell(assignedOn).getStringCellValue().equals("交办日期")) {
        assignedOn++;
      }
      assertThat(workbook.getSheetAt(0).getRow(1).getCell(assignedOn).getStringCellValue()).isEqualTo(BEIJING_DAY);
    }
  }

  private List<String> texts(String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
