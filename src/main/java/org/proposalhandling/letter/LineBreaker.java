package org.proposalhandling.letter;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a paragraph into lines by character, as Chinese is set, keeping runs of Latin letters and digits
 * whole, with simple 避头尾: a line never starts with closing punctuation nor ends with an opening one;
 * characters are pushed down to the next line (推出) until neither happens.
 */
final class LineBreaker {

  private static final String NO_START = "，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}";
  private static final String NO_END = "（《「『【〔〈“‘([{";
  private static final float TOLERANCE = 0.01f;

  /** Added after each glyph: the grid's character pitch less the type size, or nothing. */
  private final float spacing;

  LineBreaker(float spacing) {
    this.spacing = spacing;
  }

  /** The lines of {@code text}: the first is {@code firstWidth} wide (after its indent), the rest {@code width}. */
  List<List<Glyph>> lines(List<Glyph> text, float firstWidth, float width) {
    List<List<Glyph>> units = units(text, width);
    List<List<Glyph>> lines = new ArrayList<>();
    int start = 0;
    float available = firstWidth;
    while (start < units.size()) {
      int end = start;
      float used = -spacing;
      while (end < units.size() && used + width(units.get(end)) <= available + TOLERANCE) {
        used += width(units.get(end));
        end++;
      }
      end = Math.max(end, start + 1);
      while (end < units.size() && end > start + 1 && (opens(units.get(end - 1)) || closes(units.get(end)))) {
        end--;
      }
      List<Glyph> line = new ArrayList<>();
      units.subList(start, end).forEach(line::addAll);
      lines.add(line);
      start = end;
      available = width;
    }
    return lines;
  }

  /** The width a line of {@code glyphs} takes, without the spacing after its last glyph. */
  float width(List<Glyph> glyphs) {
    float width = 0;
    for (Glyph glyph : glyphs) {
      width += glyph.advance() + spacing;
    }
    return width;
  }

  /** Single characters, and Latin words and numbers (2.1, 1-4, 23.5%) as one unit unless longer than a line. */
  private List<List<Glyph>> units(List<Glyph> text, float width) {
    List<List<Glyph>> units = new ArrayList<>();
    List<Glyph> word = new ArrayList<>();
    for (Glyph glyph : text) {
      if (glyph.isAscii() && !Character.isWhitespace(glyph.codePoint())) {
        word.add(glyph);
        continue;
      }
      flush(word, units, width);
      units.add(List.of(glyph));
    }
    flush(word, units, width);
    return units;
  }

  private void flush(List<Glyph> word, List<List<Glyph>> units, float width) {
    if (word.isEmpty()) {
      return;
    }
    if (width(word) > width) {
      word.forEach(glyph -> units.add(List.of(glyph)));
    } else {
      units.add(List.copyOf(word));
    }
    word.clear();
  }

  private static boolean closes(List<Glyph> unit) {
    return unit.size() == 1 && NO_START.indexOf(unit.get(0).codePoint()) >= 0;
  }

  private static boolean opens(List<Glyph> unit) {
    return unit.size() == 1 && NO_END.indexOf(unit.get(0).codePoint()) >= 0;
  }
}
