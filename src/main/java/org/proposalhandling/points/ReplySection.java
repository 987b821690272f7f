package org.proposalhandling.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.proposalhandling.points.Marker.Style;

/**
 * A section of a reply: from a line that opens with a number (一、 （一） 1.) or with 关于/对于/针对 to the next
 * such line. 一是、二是 inside a paragraph list the measures of one answer and do not split it.
 */
record ReplySection(String heading, Set<String> headingBigrams, Set<String> bigrams) {

  private static final Pattern ABOUT = Pattern.compile("^[\\s\u3000]*(关于|对于|针对)");

  /** A quoted title (《关于……的建议》《……规划》) restates what is asked or cites a document; it answers nothing. */
  private static final Pattern TITLE = Pattern.compile("《[^》\\n]*》");
  private static final Pattern HEADING_WORDS = Pattern.compile("^(关于|对于|针对)|(的建议|方面|问题)$");

  static List<ReplySection> of(String reply) {
    List<ReplySection> sections = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : TITLE.matcher(reply).replaceAll("《》").split("\\n")) {
      if (opensSection(line) && !current.isEmpty()) {
        sections.add(section(current.toString()));
        current.setLength(0);
      }
      current.append(line).append('\n');
    }
    if (!current.isEmpty()) {
      sections.add(section(current.toString()));
    }
    return sections;
  }

  private static boolean opensSection(String line) {
    if (ABOUT.matcher(line).find()) {
      return true;
    }
    List<Marker> markers = Marker.in(line);
    return !markers.isEmpty() && markers.get(0).style() != Style.HAN_IS
        && line.substring(0, markers.get(0).start()).isBlank();
  }

  private static ReplySection section(String text) {
    String line = text.strip().split("[。\\n]", 2)[0];
    List<Marker> markers = Marker.in(line);
    String numberless = markers.isEmpty() || markers.get(0).start() > 0 ? line : line.substring(markers.get(0).textStart());
    String heading = HEADING_WORDS.matcher(numberless.strip()).replaceAll("");
    return new ReplySection(heading, Bigrams.of(heading), Bigrams.of(text));
  }
}
