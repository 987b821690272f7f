package org.proposalhandling.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.proposalhandling.search.SearchProperties;
import org.proposalhandling.search.internal.ItemTexts.ItemText;
import org.proposalhandling.search.internal.ItemTexts.ReplyText;

/**
 * The search's timing at a province's scale (docs/benchmarks.md): ITEMS items with a reply each, their texts
 * recombined from the seed replies' sentences, indexed; then the ledger's search (hits, then the passages of a
 * page of 20) and the item page's similar items, each timed ROUNDS times. Measured, not asserted.
 * Run: java -cp target/classes:bench-classes:$(cat cp.txt) org.proposalhandling.search.internal.SearchTiming [items]
 */
public final class SearchTiming {

  private static final List<String> QUERIES = List.of("老年驿站", "医养结合", "养老服务设施", "0044", "44",
      "社区居家养老服务中心", "护理人才培训", "农村养老", "资金支持", "婚俗改革");
  private static final int ROUNDS = 40;

  private SearchTiming() {
  }

  public static void main(String[] arguments) throws IOException {
    int items = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 15_000;
    List<String> sentences = sentences(Path.of("seeds/demo/replies"));
    Path directory = Files.createTempDirectory("search-timing");
    SearchProperties properties = new SearchProperties(directory, Duration.ofMinutes(1), 1000);
    SearchIndex index = new SearchIndex(properties);
    Random random = new Random(44);
    long start = System.nanoTime();
    List<ItemText> batch = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      String unit = "unit-" + (i % 40);
      batch.add(new ItemText("id-" + i, String.format("%04d", i), "会议" + (i % 5), pick(sentences, random, 1),
          pick(sentences, random, 4), List.of("提出人" + i), Set.of("office", unit),
          List.of(new ReplyText(1, pick(sentences, random, 20), true, i % 2 == 0 ? "p-" + i : null, "答复" + i))));
      if (batch.size() == 500) {
        index.put(batch);
        batch.clear();
      }
    }
    index.put(batch);
    index.commit(0);
    index.refresh();
    System.out.printf("indexed %d items with their replies in %d ms%n", items, (System.nanoTime() - start) / 1_000_000);
    LuceneItemSearch search = new LuceneItemSearch(index, properties);
    time("ledger search (office: hits + passages of a page of 20)", () -> {
      String query = QUERIES.get(random.nextInt(QUERIES.size()));
      List<String> hits = search.items(query, Set.of("office"));
      search.passages(query, hits.subList(0, Math.min(20, hits.size())));
    });
    time("ledger search (office: hits only)", () -> search.items(QUERIES.get(random.nextInt(QUERIES.size())), Set.of("office")));
    time("ledger search (one unit)", () -> search.items(QUERIES.get(random.nextInt(QUERIES.size())), Set.of("unit-7")));
    time("public search (20)", () -> search.published(QUERIES.get(random.nextInt(QUERIES.size())), 20));
    time("similar items (5, with passages)", () -> search.similar(pick(sentences, random, 5), "id-1", Set.of("unit-3"), 5));
    index.close();
  }

  private static void time(String what, Runnable search) {
    for (int i = 0; i < 10; i++) {
      search.run();
    }
    long[] took = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      search.run();
      took[i] = System.nanoTime() - start;
    }
    Arrays.sort(took);
    System.out.printf("%-55s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", what, took[ROUNDS / 2] / 1e6,
        took[(int) Math.ceil(ROUNDS * 0.95) - 1] / 1e6, took[ROUNDS - 1] / 1e6);
  }

  private static String pick(List<String> sentences, Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(sentences.get(random.nextInt(sentences.size())));
    }
    return text.toString();
  }

  private static List<String> sentences(Path replies) throws IOException {
    List<String> sentences = new ArrayList<>();
    try (var files = Files.list(replies)) {
      for (Path file : files.toList()) {
        Arrays.stream(Files.readString(file).split("(?<=[。；])")).map(String::strip).filter(s -> s.length() > 4)
            .forEach(sentences::add);
      }
    }
    return sentences;
  }
}
