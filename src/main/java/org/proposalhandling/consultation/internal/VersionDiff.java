package org.proposalhandling.consultation.internal;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.Arrays;
import java.util.List;

/**
 * A readable line-by-line comparison of two versions of a draft, with the changed words marked within each
 * changed line (java-diff-utils; Chinese has no spaces, so words are compared character by character). Its default line
 * normalizer escapes HTML, so only the marks are markup.
 */
final class VersionDiff {

  /** One line of the comparison; the texts carry the marks as &lt;del&gt; and &lt;ins&gt;, everything else escaped. */
  record Line(String kind, String before, String after) {
  }

  private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
      .showInlineDiffs(true)
      .inlineDiffByWord(false)
      .mergeOriginalRevised(false)
      .oldTag(start -> start ? "<del>" : "</del>")
      .newTag(start -> start ? "<ins>" : "</ins>")
      .build();

  private VersionDiff() {
  }

  static List<Line> between(String before, String after) {
    List<DiffRow> rows = GENERATOR.generateDiffRows(lines(before), lines(after));
    return rows.stream().map(row -> new Line(row.getTag().name().toLowerCase(), row.getOldLine(), row.getNewLine())).toList();
  }

  private static List<String> lines(String text) {
    return Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
  }
}
