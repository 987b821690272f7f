package org.proposalhandling.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.item.ItemRepository;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.search.SearchProperties;
import org.proposalhandling.support.AppLayer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The index over the demo's seed cases (seed documents 000–003), as the demo loads them. */
@AppLayer
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class ChineseSearchTest {

  private static final Set<String> JILIN_OFFICE = Set.of("jl-gov");
  private static final Set<String> EVERY_OFFICE = Set.of("jl-gov", "cz-gov");

  @Autowired ItemSearch search;
  @Autowired ItemRepository items;
  @Autowired ItemTexts texts;
  @Autowired JdbcClient jdbc;

  @Test
  void aWordOfTheTextFindsItsItemWithThePassageMarked() {
    String item0044 = id("省十四届人大一次会议", "0044");
    List<String> found = await().atMost(Duration.ofSeconds(30)).until(() -> search.items("老年驿站", JILIN_OFFICE),
        hits -> !hits.isEmpty());
    assertThat(found.get(0)).isEqualTo(item0044);
    ItemSearch.Hit hit = search.passages("老年驿站", found).get(item0044);
    assertThat(hit.where()).isEqualTo("正文");
    assertThat(hit.passage()).contains("<mark>老年</mark><mark>驿站</mark>");
  }

  @Test
  void aTermOfTheRepliesFindsTheRepliesOfBothProvinces() {
    String d13 = id("省政协十三届一次会议", "D13");
    String changzhi = id("市政协十四届三次会议", "14146");
    List<String> found = await().atMost(Duration.ofSeconds(30)).until(() -> search.items("医养结合", EVERY_OFFICE),
        hits -> hits.size() >= 2);
    assertThat(found).contains(d13, changzhi);
    assertThat(search.passages("医养结合", List.of(d13, changzhi)).values())
        .allSatisfy(hit -> assertThat(hit.passage()).contains("<mark>"));
    assertThat(search.passages("医养结合", List.of(changzhi)).get(changzhi).where()).isEqualTo("答复");
  }

  @Test
  void aUnitFindsOnlyTheItemsItReads() {
    String item0044 = id("省十四届人大一次会议", "0044");
    await().atMost(Duration.ofSeconds(30)).until(() -> search.items("老年驿站", JILIN_OFFICE), hits -> !hits.isEmpty());
    // 0044 is led by civil affairs with finance co-handling; education never had it, nor Changzhi's office.
    assertThat(search.items("老年驿站", Set.of("jl-mz"))).contains(item0044);
    assertThat(search.items("老年驿站", Set.of("jl-cz"))).contains(item0044);
    assertThat(search.items("老年驿站", Set.of("jl-jyt"))).isEmpty();
    assertThat(search.items("老年驿站", Set.of("cz-gov"))).isEmpty();
    assertThat(search.items("0044", Set.of("jl-jyt"))).isEmpty();
    assertThat(search.items("老年驿站", Set.of())).isEmpty();
  }

  @Test
  void aNumberFindsItsItemFirstAndPartOfANumberFindsIt() {
    String item0044 = id("省十四届人大一次会议", "0044");
    await().atMost(Duration.ofSeconds(30)).until(() -> search.items("0044", JILIN_OFFICE), hits -> !hits.isEmpty());
    assertThat(search.items("0044", JILIN_OFFICE).get(0)).isEqualTo(item0044);
    assertThat(search.items("第0044号", JILIN_OFFICE).get(0)).isEqualTo(item0044);
    assertThat(search.items("44", JILIN_OFFICE)).contains(item0044);
    assertThat(search.items("d13", JILIN_OFFICE).get(0)).isEqualTo(id("省政协十三届一次会议", "D13"));
  }

  @Test
  void aMissingIndexIsRebuiltFromTheDatabaseAtStart(@TempDir Path folder) throws Exception {
    Path directory = folder.resolve("search");
    SearchProperties properties = new SearchProperties(directory, Duration.ofMinutes(10), 100);
    String item0044 = id("省十四届人大一次会议", "0044");
    assertThat(Files.exists(directory)).isFalse();
    SearchIndex index = new SearchIndex(properties);
    IndexUpdates updates = new IndexUpdates(index, texts, jdbc, properties);
    try {
      assertThat(index.currentAtStart()).isFalse();
      updates.start();
      ItemSearch rebuilt = new LuceneItemSearch(index, properties);
      assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> rebuilt.items("老年驿站", JILIN_OFFICE),
          hits -> !hits.isEmpty())).containsExactly(item0044);
      assertThat(updates.progress().total()).isEqualTo(jdbc.sql("select count(*) from item").query(Integer.class).single());
    } finally {
      updates.stop();
      index.close();
    }
    // Opened again, it is current and starts from its mark instead of rebuilding.
    SearchIndex again = new SearchIndex(properties);
    try {
      assertThat(again.currentAtStart()).isTrue();
      assertThat(again.historyMark()).isPositive();
    } finally {
      again.close();
    }
  }

  private String id(String session, String number) {
    return items.findBySessionAndNumber(session, number).orElseThrow().id();
  }
}
