package org.proposalhandling.intakeimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue #40: a proposal sent again under another title is a possible duplicate in its session, at import and at
 * intake; the same proposal of an earlier session is related, not a duplicate; another office's copy is never
 * named to this office.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DuplicatesAtIntakeAndImportTest {

  static final String SESSION = "省政协十三届二次会议";
  static final String EARLIER = "省政协十三届一次会议";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired ItemSearch search;
  final String prefix = "DU" + System.nanoTime() % 10_000_000;
  /** Words of this test alone, so that no other class's items read alike. */
  final String text = "近年来我省" + prefix + "号水库下游村屯饮水水源单一，枯水期供水不足，水质检测覆盖率低。建议一、实施农村供水"
      + "规模化建设，推进城乡供水一体化；二、建立水源地保护和水质定期检测公示制度；三、落实管护经费，培养村级管水员队伍。";
  String registered;
  String earlier;
  String otherOffice;

  @BeforeEach
  void registerTheSameProposalThreeTimes() {
    registered = register(SESSION, "1", "关于加强农村饮水安全保障的建议", "jl-gov").getBusinessKey();
    earlier = register(EARLIER, "1", "关于保障农村饮水安全的建议", "jl-gov").getBusinessKey();
    otherOffice = register(SESSION, "9", "关于加强农村饮水安全保障的建议", "cz-gov").getBusinessKey();
    await().atMost(Duration.ofSeconds(30)).until(() -> search.alike(text, null, Set.of("jl-gov", "cz-gov"), 20).stream()
        .map(ItemSearch.Alike::itemId).toList(), found -> found.containsAll(List.of(registered, earlier, otherOffice)));
  }

  @Test
  void aRowWithTheSameTextUnderAnotherTitleIsAPossibleDuplicateAndTheEarlierSessionsOneRelated() {
    List<String> row = ImportFiles.with(ImportFiles.row(SESSION, prefix + "-2", "关于让乡村居民喝上放心水的提案"),
        ImportColumn.CONTENT, text);
    ImportClient.Response preview = new ImportClient(port, "jlgov-clerk", "demo")
        .upload("water.csv", ImportFiles.csv(List.of(row)).getBytes(StandardCharsets.UTF_8), true);

    assertThat(preview.status()).as("%s", preview.body()).isEqualTo(201);
    JsonNode hint = StreamSupport.stream(preview.body().path("preview").path("hints").spliterator(), false)
        .filter(h -> h.path("row").asInt() == 2).findFirst().orElseThrow();
    assertThat(hint.path("similar").toString()).contains("已登记：" + SESSION + "第" + prefix + "-1号")
        .contains("/items/" + registered).doesNotContain(EARLIER).doesNotContain(otherOffice);
    assertThat(hint.path("related").toString()).contains("其他届次：" + EARLIER + "第" + prefix + "-1号")
        .contains("/items/" + earlier).doesNotContain(otherOffice);
  }

  @Test
  void anItemRegisteredThroughTheStartFormIsWarnedOnItsFirstTaskAndItsPage() {
    ProcessInstance again = register(SESSION, "3", "关于让乡村居民喝上放心水的提案", "jl-gov");

    String field = (String) engine.getTaskService().getVariableLocal(new ItemDriver(engine, outbox)
        .task(again, "Task_AcceptanceReview").getId(), "duplicateCheck");
    assertThat(field).startsWith("可能与以下办件重复：" + SESSION + "第" + prefix + "-1号《关于加强农村饮水安全保障的建议》")
        .contains("其他届次的相关办件：" + EARLIER + "第" + prefix + "-1号");
    assertThat(field.lines().findFirst().orElseThrow()).doesNotContain(EARLIER);

    WebSession clerk = new WebSession(port);
    clerk.login("jlgov-clerk", "demo");
    String page = clerk.get("/items/" + again.getBusinessKey()).body();
    assertThat(section(page, "possible-duplicates")).contains("可能与以下办件重复").contains("/items/" + registered)
        .doesNotContain("/items/" + earlier);
    assertThat(section(page, "related-items")).contains("/items/" + earlier);
    assertThat(page).doesNotContain("/items/" + otherOffice);
  }

  @Test
  void anotherOfficeIsNeverNamedNorAUnitThatDoesNotReadTheItems() {
    ProcessInstance again = register(SESSION, "4", "关于让乡村居民喝上放心水的提案", "cz-gov");

    String field = (String) engine.getTaskService().getVariableLocal(new ItemDriver(engine, outbox)
        .task(again, "Task_AcceptanceReview").getId(), "duplicateCheck");
    assertThat(field).contains(prefix + "-9号").doesNotContain(prefix + "-1号").doesNotContain(EARLIER);
    WebSession clerk = new WebSession(port);
    clerk.login("czgov-clerk", "demo");
    String page = clerk.get("/items/" + again.getBusinessKey()).body();
    assertThat(page).contains("/items/" + otherOffice).doesNotContain("/items/" + registered)
        .doesNotContain("/items/" + earlier);
  }

  private ProcessInstance register(String session, String number, String title, String office) {
    Map<String, Object> form = ItemDriver.intake(prefix + "-" + number);
    form.put("sessionName", session);
    form.put("title", title);
    form.put("content", text);
    form.put("assigningOffice", office);
    return new ItemDriver(engine, outbox).register(form);
  }

  /** The element of this id, from its start to the page's end: enough to tell which list holds a link. */
  private static String section(String page, String id) {
    int start = page.indexOf("id=\"" + id + "\"");
    assertThat(start).as("the page has #%s", id).isNotNegative();
    int end = page.indexOf("</div>", start);
    return page.substring(start, end);
  }
}
