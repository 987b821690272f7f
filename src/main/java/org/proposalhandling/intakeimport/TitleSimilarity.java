package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs of titles that read alike: the Jaccard similarity of their character bigrams (after the words every
 * title has, such as 关于 and 的建议, are dropped) reaches the threshold. Only a hint of a possible duplicate or
 * a candidate for handling together (并案). Prefix filtering keeps it fast for a national session's 15,000
 * titles: with the bigrams in a global order, rarest first, two sets that reach the threshold share one of
 * their first few bigrams, so only titles sharing such a bigram are compared.
 */
final class TitleSimilarity {

  static final double THRESHOLD = 0.6;

  record Pair(int first, int second, double similarity) {
  }

  private TitleSimilarity() {
  }

  /** Every pair (by index, first &lt; second) of similar titles among these. */
  static List<Pair> similarPairs(List<String> titles) {
    List<Set<String>> grams = titles.stream().map(TitleSimilarity::bigrams).toList();
    Map<String, Integer> frequency = new HashMap<>();
    grams.forEach(set -> set.forEach(gram -> frequency.merge(gram, 1, Integer::sum)));
    Comparator<String> rarestFirst = Comparator.<String>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder());
    Map<String, List<Integer>> byPrefixGram = new HashMap<>();
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < grams.size(); i++) {
      Set<String> set = grams.get(i);
      if (set.isEmpty()) {
        continue;
      }
      List<String> ordered = set.stream().sorted(rarestFirst).toList();
      int prefix = set.size() - (int) Math.ceil(THRESHOLD * set.size()) + 1;
      Set<Integer> candidates = new LinkedHashSet<>();
      for (String gram : ordered.subList(0, prefix)) {
        List<Integer> earlier = byPrefixGram.computeIfAbsent(gram, g -> new ArrayList<>());
        candidates.addAll(earlier);
        earlier.add(i);
      }
      for (int j : candidates) {
        double similarity = jaccard(grams.get(j), set);
        if (similarity >= THRESHOLD) {
          pairs.add(new Pair(j, i, similarity));
        }
      }
    }
    return pairs;
  }

  static Set<String> bigrams(String title) {
    String text = title.replaceAll("^关于", "").replaceAll("(的)?(建议|提案|意见)$", "")
        .replaceAll("[\\p{P}\\p{Z}\\s]", "");
    Set<String> grams = new LinkedHashSet<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      grams.add(text.substring(i, i + 2));
    }
    if (grams.isEmpty() && !text.isEmpty()) {
      grams.add(text);
    }
    return grams;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String gram : a) {
      if (b.contains(gram)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
