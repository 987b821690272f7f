package org.proposalhandling.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Over HTTP: the ledger's search box on the full-text index, within the user's scope. */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LedgerSearchTest {

  private static final Pattern FIRST_NUMBER = Pattern.compile("<a class=\"number\"[^>]*>([^<]+)</a>");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;

  @Test
  void aNumberFindsItsItemFirstPartOfItFindsItAndWordsFindTheTextWithItsPassage() {
    WebSession office = new WebSession(port);
    office.login("jlgov-clerk", "demo");
    await().atMost(Duration.ofSeconds(30)).until(() -> office.get(search("老年驿站")).body().contains("关于社区成立老年驿站的建议"));
    String words = office.get(search("老年驿站")).body();
    assertThat(words).contains("正文：", "<mark>老年</mark><mark>驿站</mark>");
    assertThat(firstNumber(office.get(search("0044")).body())).isEqualTo("0044");
    assertThat(firstNumber(office.get(search("第0044号")).body())).isEqualTo("0044");
    assertThat(office.get(search("44")).body()).contains(">0044</a>");
    // A reply's words find its item (D13's reply speaks of 医养结合), filters still apply on the hits.
    assertThat(office.get(search("医养结合")).body()).contains(">D13</a>", "<mark>结合</mark>");
    assertThat(office.get(search("医养结合") + "&kind=DEPUTY_SUGGESTION").body()).doesNotContain(">D13</a>");
  }

  @Test
  void aUnitNeverFindsAnotherUnitsItemByItsWords() {
    ItemDriver driver = new ItemDriver(engine, outbox);
    Map<String, Object> form = ItemDriver.intake("SR" + System.nanoTime());
    form.put("title", "关于琥珀湖湿地候鸟保护的建议");
    form.put("content", "建议在琥珀湖湿地设立候鸟救护站。");
    driver.atDrafting(form, "jl-mz");

    WebSession civilAffairs = new WebSession(port);
    civilAffairs.login("jlmz-handler", "demo");
    await().atMost(Duration.ofSeconds(30))
        .until(() -> civilAffairs.get(search("候鸟救护站")).body().contains("关于琥珀湖湿地候鸟保护的建议"));

    WebSession finance = new WebSession(port);
    finance.login("jlcz-handler", "demo");
    assertThat(finance.get(search("候鸟救护站")).body()).doesNotContain("琥珀湖", "<mark>");
    WebSession otherOffice = new WebSession(port);
    otherOffice.login("czgov-clerk", "demo");
    assertThat(otherOffice.get(search("候鸟救护站")).body()).doesNotContain("琥珀湖", "<mark>");
  }

  private static String search(String query) {
    return "/items?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private static String firstNumber(String page) {
    Matcher matcher = FIRST_NUMBER.matcher(page);
    assertThat(matcher.find()).as("a row").isTrue();
    return matcher.group(1);
  }
}
