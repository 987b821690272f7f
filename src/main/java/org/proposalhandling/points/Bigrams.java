package org.proposalhandling.points;

import java.util.HashSet;
import java.util.Set;

/**
 * The character bigrams of a text's Chinese runs: 养老驿站 → 养老, 老驿, 驿站. Chinese has no spaces; a pair of
 * characters carries most two-character words, and a point and the section answering it share many.
 */
final class Bigrams {

  private Bigrams() {}

  static Set<String> of(String text) {
    Set<String> bigrams = new HashSet<>();
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      boolean han = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
      if (han && previous >= 0) {
        bigrams.add(new StringBuilder().appendCodePoint(previous).appendCodePoint(codePoint).toString());
      }
      previous = han ? codePoint : -1;
      i += Character.charCount(codePoint);
    }
    return bigrams;
  }

  /** The share of {@code part}'s bigrams that {@code whole} has too. */
  static double share(Set<String> part, Set<String> whole) {
    return part.isEmpty() ? 0 : part.stream().filter(whole::contains).count() / (double) part.size();
  }
}
