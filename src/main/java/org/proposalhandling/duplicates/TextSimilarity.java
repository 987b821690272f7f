package org.proposalhandling.duplicates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Items that read alike: the Jaccard similarity of the character bigrams of their fingerprints (the title
 * without the words every title has, such as 关于 and 的建议, then the text, punctuation and spaces dropped, the
 * first {@link #FINGERPRINT_CHARACTERS} characters) reaches the threshold. Two items with the same text under
 * different titles read alike; two with one title and different texts do not. Only a hint of a possible
 * duplicate or a candidate for handling together (并案).
 *
 * <p>Memory and time stay bounded whatever the texts. Texts that read the same form one group, compared once:
 * 15,000 rows repeating one title against 15,000 registered items with that title listed every pair (450
 * million) and ran a 768 MB heap out. Each asked text keeps only its closest few and a count of the rest.
 * Groups are compared through prefix filtering (with the bigrams in a global order, rarest first, two sets that
 * reach the threshold share one of their first few bigrams), and for at most {@link #MAX_STEPS} bigrams read:
 * beyond that the hints are marked incomplete rather than the clerk kept waiting.
 */
public final class TextSimilarity {

  public static final double THRESHOLD = 0.6;
  /**
   * Enough of a text to tell a copy: a proposal's opening names its subject and its first facts, and every
   * character more is read in each of the comparisons (they read every bigram of both).
   */
  static final int FINGERPRINT_CHARACTERS = 300;
  /**
   * About 1.4 s of one core's time on the 2-core test machine: measured as 30 million comparisons of titles
   * ("关于第1234项民生工程的建议", 8 bigrams each, 16 read per comparison) with 15,000 rows against 15,000 registered;
   * a comparison of two fingerprints reads up to 600.
   */
  static final long MAX_STEPS = 500_000_000;

  /** Another text, by its index, and how alike the two read. */
  public record Match(int index, double similarity) {
  }

  /** What one text resembles: the closest few, best first, and how many texts in all reach the threshold. */
  public record Found(List<Match> closest, long count) {
  }

  /** For each asked text, in order, what it resembles; complete false when the comparisons were cut short. */
  public record Result(List<Found> found, boolean complete) {
  }

  /** The words every title has, and punctuation and spaces: dropped from a fingerprint. */
  private static final Pattern LEADING = Pattern.compile("^关于");
  private static final Pattern TRAILING = Pattern.compile("(的)?(建议|提案|意见)$");
  private static final Pattern IGNORED = Pattern.compile("[\\p{P}\\p{Z}\\s]");

  private record Neighbour(int group, double similarity) {
  }

  private TextSimilarity() {
  }

  /** What an item is compared by: its title and text, normalized and cut (see the class). */
  public static String fingerprint(String title, String content) {
    String text = LEADING.matcher(title == null ? "" : title).replaceFirst("");
    text = TRAILING.matcher(text).replaceFirst("") + (content == null ? "" : content);
    text = IGNORED.matcher(text).replaceAll("");
    return text.length() > FINGERPRINT_CHARACTERS ? text.substring(0, FINGERPRINT_CHARACTERS) : text;
  }

  /** How alike two fingerprints read, from 0 to 1. */
  public static double similarity(String fingerprint, String other) {
    return jaccard(bigramsOf(fingerprint), bigramsOf(other));
  }

  /**
   * What each of the first {@code asked} fingerprints resembles among all of them (never itself), at most
   * {@code most} closest each.
   */
  public static Result similar(List<String> fingerprints, int asked, int most) {
    return similar(fingerprints, asked, most, MAX_STEPS);
  }

  static Result similar(List<String> fingerprints, int asked, int most, long maxSteps) {
    Map<String, Integer> groupByText = new HashMap<>();
    List<List<Integer>> members = new ArrayList<>();
    List<int[]> grams = new ArrayList<>();
    int[] groupOf = new int[fingerprints.size()];
    for (int i = 0; i < fingerprints.size(); i++) {
      String text = fingerprints.get(i);
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
    long steps = 0;
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
          steps += grams.get(group).length + grams.get(other).length;
          if (complete && steps > maxSteps) {
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
