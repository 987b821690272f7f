package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Titles that read alike: the Jaccard similarity of their character bigrams (after the words every title has,
 * such as 关于 and 的建议, are dropped) reaches the threshold. Only a hint of a possible duplicate or a candidate
 * for handling together (并案).
 *
 * <p>Memory and time stay bounded whatever the titles. Titles that read the same once those words are dropped
 * form one group, compared once: 15,000 rows repeating one title against 15,000 registered items with that
 * title listed every pair (450 million) and ran a 768 MB heap out. Each asked title keeps only its
 * closest few and a count of the rest. Groups are compared through prefix filtering (with the bigrams in a
 * global order, rarest first, two sets that reach the threshold share one of their first few bigrams), and at
 * most {@link #MAX_COMPARISONS} times: beyond that the hints are marked incomplete rather than the clerk kept
 * waiting.
 */
final class TitleSimilarity {

  static final double THRESHOLD = 0.6;
  /**
   * About 1.4 s of one core's time on the 2-core test machine (measured with 15,000 rows of numbered titles,
   * "关于第1234项民生工程的建议", against 15,000 registered with the same: they need between 10 and 100 million,
   * each reading like a few hundred others; the cap cut them short). 15,000 rows of one title need none.
   */
  static final long MAX_COMPARISONS = 30_000_000;

  /** Another title, by its index, and how alike the two read. */
  record Match(int index, double similarity) {
  }

  /** What one title resembles: the closest few, best first, and how many titles in all reach the threshold. */
  record Found(List<Match> closest, long count) {
  }

  /** For each asked title, in order, what it resembles; complete false when the comparisons were cut short. */
  record Result(List<Found> found, boolean complete) {
  }

  /** The words every title has, and punctuation and spaces: dropped before comparing. */
  private static final Pattern LEADING = Pattern.compile("^关于");
  private static final Pattern TRAILING = Pattern.compile("(的)?(建议|提案|意见)$");
  private static final Pattern IGNORED = Pattern.compile("[\\p{P}\\p{Z}\\s]");

  private record Neighbour(int group, double similarity) {
  }

  private TitleSimilarity() {
  }

  /**
   * What each of the first {@code asked} titles resembles among all of them (never itself), at most
   * {@code most} closest each.
   */
  static Result similar(List<String> titles, int asked, int most) {
    return similar(titles, asked, most, MAX_COMPARISONS);
  }

  static Result similar(List<String> titles, int asked, int most, long maxComparisons) {
    Map<String, Integer> groupByText = new HashMap<>();
    List<List<Integer>> members = new ArrayList<>();
    List<int[]> grams = new ArrayList<>();
    int[] groupOf = new int[titles.size()];
    for (int i = 0; i < titles.size(); i++) {
      String text = normalized(titles.get(i));
      int group = groupByText.computeIfAbsent(text, t -> {
        members.add(new ArrayList<>());
        grams.add(bigramsOf(t));
        return members.size() - 1;
      });
      members.get(group).add(i);
      groupOf[i] = group;
    }
    List<int[]> prefixes = prefixes(grams);
    Map<Integer, List<Integer>> byPrefixGram = new HashMap<>();
    for (int group = 0; group < prefixes.size(); group++) {
      for (int gram : prefixes.get(group)) {
        byPrefixGram.computeIfAbsent(gram, g -> new ArrayList<>()).add(group);
      }
    }

    List<List<Neighbour>> nearest = new ArrayList<>(members.size());
    long[] counts = new long[members.size()];
    int[] seenBy = new int[members.size()];
    long comparisons = 0;
    boolean complete = true;
    for (int group = 0; group < members.size(); group++) {
      List<Neighbour> closest = new ArrayList<>();
      nearest.add(closest);
      if (members.get(group).get(0) >= asked || grams.get(group).length == 0) {
        continue;
      }
      counts[group] = members.get(group).size() - 1;
      for (int gram : prefixes.get(group)) {
        for (int other : byPrefixGram.get(gram)) {
          if (other == group || seenBy[other] == group + 1) {
            continue;
          }
          seenBy[other] = group + 1;
          if (complete && ++comparisons > maxComparisons) {
            complete = false;
          }
          if (!complete) {
            break;
          }
          double similarity = jaccard(grams.get(group), grams.get(other));
          if (similarity >= THRESHOLD) {
            counts[group] += members.get(other).size();
            keepClosest(closest, new Neighbour(other, similarity), most);
          }
        }
      }
    }

    List<Found> found = new ArrayList<>(asked);
    for (int i = 0; i < asked; i++) {
      int group = groupOf[i];
      List<Match> closest = new ArrayList<>();
      for (int k = 0; k < members.get(group).size() && closest.size() < most; k++) {
        int same = members.get(group).get(k);
        if (same != i) {
          closest.add(new Match(same, 1.0));
        }
      }
      for (Neighbour neighbour : nearest.get(group)) {
        List<Integer> others = members.get(neighbour.group());
        for (int k = 0; k < others.size() && closest.size() < most; k++) {
          closest.add(new Match(others.get(k), neighbour.similarity()));
        }
      }
      found.add(new Found(List.copyOf(closest), counts[group]));
    }
    return new Result(found, complete);
  }

  /**
   * Each set's first few bigrams, rarest first: two sets that reach the threshold share one of them. The rest
   * of a set cannot reach the threshold alone: a set of n bigrams needs ceil(THRESHOLD * n) in common.
   */
  private static List<int[]> prefixes(List<int[]> grams) {
    Map<Integer, Integer> frequency = new HashMap<>();
    grams.forEach(set -> Arrays.stream(set).forEach(gram -> frequency.merge(gram, 1, Integer::sum)));
    Comparator<Integer> rarestFirst = Comparator.<Integer>comparingInt(frequency::get).thenComparing(Comparator.naturalOrder());
    return grams.stream().map(set -> Arrays.stream(set).boxed().sorted(rarestFirst)
        .limit(set.length - (int) Math.ceil(THRESHOLD * set.length) + 1L).mapToInt(Integer::intValue).toArray()).toList();
  }

  /** Into the list, best first, if it is among the {@code most} best. */
  private static void keepClosest(List<Neighbour> closest, Neighbour neighbour, int most) {
    int at = closest.size();
    while (at > 0 && closest.get(at - 1).similarity() < neighbour.similarity()) {
      at--;
    }
    if (at < most) {
      closest.add(at, neighbour);
      if (closest.size() > most) {
        closest.remove(most);
      }
    }
  }

  private static String normalized(String title) {
    String text = LEADING.matcher(title).replaceFirst("");
    text = TRAILING.matcher(text).replaceFirst("");
    return IGNORED.matcher(text).replaceAll("");
  }

  /** The text's distinct character bigrams, each as two chars in one int, sorted; a one-character text as itself. */
  private static int[] bigramsOf(String text) {
    if (text.length() == 1) {
      return new int[] {text.charAt(0)};
    }
    int[] grams = new int[Math.max(text.length() - 1, 0)];
    for (int i = 0; i + 1 < text.length(); i++) {
      grams[i] = text.charAt(i) << 16 | text.charAt(i + 1);
    }
    return Arrays.stream(grams).sorted().distinct().toArray();
  }

  /** Of two sorted sets. */
  private static double jaccard(int[] a, int[] b) {
    int common = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }
}
