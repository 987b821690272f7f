package org.proposalhandling.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.support.Browser;
import org.proposalhandling.support.BrowserLayer;
import org.proposalhandling.support.ItemDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** In a browser: the handler drafting a reply on elderly care sees the earlier seed cases and their replies. */
@BrowserLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DraftingHelpBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemSearch search;

  @Test
  void theItemPageShowsSimilarEarlierItemsWithTheirRepliesAndCopiesAPassageOnlyOnAClick() {
    Map<String, Object> form = ItemDriver.intake("DH" + System.nanoTime());
    form.put("title", "关于在社区建设老年驿站推进医养结合的建议");
    form.put("content", "建议在城市社区普遍建设老年驿站，提供日间照料和助餐服务；推进医养结合，发挥社区卫生服务中心作用。");
    String id = new ItemDriver(engine, outbox).atDrafting(form, "jl-mz").getBusinessKey();
    await().atMost(Duration.ofSeconds(30)).until(() -> search.items("老年驿站", Set.of("jl-mz")).size() > 1);

    try (Browser browser = new Browser()) {
      browser.open("http://localhost:" + port + "/items/" + id);
      browser.login("jlmz-handler", "demo");
      WebElement help = browser.visible(By.id("drafting-help"));
      List<WebElement> similar = help.findElements(By.cssSelector("article.similar"));
      assertThat(similar).isNotEmpty();
      WebElement item0044 = help.findElement(By.xpath(".//article[.//a[contains(., '第0044号')]]"));
      assertThat(item0044.findElement(By.tagName("a")).getAttribute("href")).contains("/items/");
      assertThat(item0044.getText()).contains("主办：吉林省民政厅", "答复类别：", "满意度：未反馈", "复制");
      assertThat(item0044.findElements(By.cssSelector("blockquote.passage mark"))).isNotEmpty();
      // Changzhi's 14146 is not the province's: its published reply, linked to the public page, without its rating.
      WebElement changzhi = help.findElement(By.xpath(".//article[.//a[contains(., '第14146号')]]"));
      assertThat(changzhi.findElement(By.tagName("a")).getAttribute("href")).contains("/public/replies/");
      assertThat(changzhi.getText()).doesNotContain("满意度");
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", help);
      browser.screenshot("drafting-help-similar-items");

      WebElement copy = item0044.findElement(By.cssSelector("button.copy-passage"));
      copy.click();
      browser.waitUntil(() -> !copy.getText().equals("复制"));
      assertThat(item0044.findElements(By.cssSelector("button.copy-passage")).stream().map(WebElement::getText))
          .containsOnlyOnce(copy.getText());
      browser.screenshot("drafting-help-copied");
    }
  }
}
