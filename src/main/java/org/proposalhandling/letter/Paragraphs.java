package org.proposalhandling.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body text as paragraphs of styled runs. Headings follow GB/T 9704's levels: 一、 in 黑体, （一） in
 * 楷体; a heading that runs on into its paragraph ends at its first 。.
 */
final class Paragraphs {

  private static final Pattern FIRST_LEVEL = Pattern.compile("^[一二三四五六七八九十]+、");
  private static final Pattern SECOND_LEVEL = Pattern.compile("^（[一二三四五六七八九十]+）");

  private Paragraphs() {
  }

  static List<List<Run>> of(String body) {
    List<List<Run>> paragraphs = new ArrayList<>();
    for (String line : body.split("\\R")) {
      String text = line.strip();
      if (!text.isEmpty()) {
        paragraphs.add(styled(text));
      }
    }
    return paragraphs;
  }

  private static List<Run> styled(String text) {
    Style heading = FIRST_LEVEL.matcher(text).find() ? Style.HEADING
        : SECOND_LEVEL.matcher(text).find() ? Style.SUBHEADING : null;
    if (heading == null) {
      return List.of(new Run(text, Style.BODY));
    }
    int end = text.indexOf('。') + 1;
    if (end == 0 || end == text.length()) {
      return List.of(new Run(text, heading));
    }
    return List.of(new Run(text.substring(0, end), heading), new Run(text.substring(end), Style.BODY));
  }
}
