package org.proposalhandling.points;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.proposalhandling.points.Marker.Style;

/**
 * Finds a proposal's points: its outermost numbered list (the numbering that comes first in the text), or, when
 * that list only separates the proposal's problems from its suggestions (一、存在的问题 二、对策建议), the list
 * inside the suggestions. Of several lists of the same numbering the one introduced as suggestions is taken,
 * else the last (problems come first). Numbers further in stay part of their point's text. A text without a
 * numbered list of at least two is one point.
 */
final class PointFinder {

  /** A short heading of what a proposal reports rather than asks: 存在的问题, 现状. */
  private static final Pattern PROBLEM_HEADING = Pattern.compile("^.{0,16}(问题|现状|原因|不足|困难|背景|基本情况)[：:。]?$");
  /** A short heading of what it asks: 对策建议, 几点建议. */
  private static final Pattern SUGGESTION_HEADING = Pattern.compile("^.{0,16}(建议|对策|措施|举措|意见)(如下)?[：:。]?$");
  private static final Pattern SUGGESTION_LEAD = Pattern.compile("(建议|对策|措施|举措)[^。]{0,12}[：:]?\\s*$");
  private static final int LEAD_LENGTH = 40;

  private PointFinder() {}

  static List<Point> find(String proposal) {
    String text = proposal == null ? "" : proposal.strip();
    List<Span> points = pointsIn(text, Marker.in(text), 0, text.length());
    if (points.isEmpty()) {
      return text.isEmpty() ? List.of() : List.of(new Point(1, text));
    }
    return IntStream.range(0, points.size()).mapToObj(i -> new Point(i + 1, points.get(i).text(text))).toList();
  }

  private static List<Span> pointsIn(String text, List<Marker> all, int from, int to) {
    List<Marker> markers = all.stream().filter(marker -> marker.start() >= from && marker.start() < to).toList();
    for (Style style : stylesByFirstUse(markers)) {
      List<List<Marker>> runs = runs(markers, style);
      if (runs.isEmpty()) {
        continue;
      }
      List<Marker> run = chosen(text, runs, from);
      List<Span> items = items(text, run, runs, to);
      List<Span> suggestions = suggestionsInside(text, all, items);
      return suggestions != null ? suggestions : items;
    }
    return List.of();
  }

  private static List<Style> stylesByFirstUse(List<Marker> markers) {
    return markers.stream().map(Marker::style).distinct().toList();
  }

  /** The lists of one numbering: 1, 2, 3 … in order; a 1 starts another list; at least two points. */
  private static List<List<Marker>> runs(List<Marker> markers, Style style) {
    List<List<Marker>> runs = new ArrayList<>();
    List<Marker> current = null;
    for (Marker marker : markers) {
      if (marker.style() != style) {
        continue;
      }
      if (marker.ordinal() == 1) {
        current = new ArrayList<>(List.of(marker));
        runs.add(current);
      } else if (current != null && marker.ordinal() == current.get(current.size() - 1).ordinal() + 1) {
        current.add(marker);
      }
    }
    runs.removeIf(run -> run.size() < 2);
    return runs;
  }

  private static List<Marker> chosen(String text, List<List<Marker>> runs, int from) {
    int leadEnd = from;
    for (List<Marker> run : runs) {
      int start = run.get(0).start();
      String lead = text.substring(Math.max(leadEnd, start - LEAD_LENGTH), start);
      if (SUGGESTION_LEAD.matcher(lead).find()) {
        return run;
      }
      leadEnd = start;
    }
    return runs.get(runs.size() - 1);
  }

  /**
   * A point runs to the next of its list; the last one to the next list of its numbering, a blank line or the
   * end, so that a closing courtesy after an empty line is no part of it.
   */
  private static List<Span> items(String text, List<Marker> run, List<List<Marker>> runs, int to) {
    List<Span> items = new ArrayList<>();
    Marker last = run.get(run.size() - 1);
    int end = runs.stream().map(other -> other.get(0).start()).filter(start -> start > last.start())
        .min(Comparator.naturalOrder()).orElse(to);
    int blank = text.indexOf("\n\n", last.textStart());
    if (blank >= 0 && blank < end) {
      end = blank;
    }
    for (int i = 0; i < run.size(); i++) {
      Marker marker = run.get(i);
      items.add(new Span(marker, i + 1 < run.size() ? run.get(i + 1).start() : end));
    }
    return items;
  }

  /** The list inside the suggestions, when the list only separates problems from suggestions; else null. */
  private static List<Span> suggestionsInside(String text, List<Marker> all, List<Span> items) {
    boolean reportsProblems = items.stream().anyMatch(item -> PROBLEM_HEADING.matcher(item.heading(text)).find());
    if (!reportsProblems) {
      return null;
    }
    for (int i = items.size() - 1; i >= 0; i--) {
      Span item = items.get(i);
      if (SUGGESTION_HEADING.matcher(item.heading(text)).find()) {
        List<Span> inside = pointsIn(text, all, item.marker().textStart(), item.end());
        return inside.isEmpty() ? List.of(new Span(item.marker(), item.end())) : inside;
      }
    }
    return null;
  }

  private record Span(Marker marker, int end) {

    String text(String text) {
      return text.substring(marker.textStart(), Math.max(marker.textStart(), end)).strip()
          .replaceAll("[；;，,。\\s]+$", "");
    }

    /** The point's first line. */
    String heading(String text) {
      return text(text).split("\\n", 2)[0].strip();
    }
  }
}
