package org.proposalhandling.letter;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a printed form out on one page in the type area of GB/T 9704: the title centred, each heading on its
 * own line, the paragraphs flush left. When the page cannot hold everything, the paragraph with the most lines
 * loses its last line, again and again, and each cut one ends with 「……（全文见系统）」: short fields stay
 * whole, the long texts (the reply, the opinions) give way, and the sheet says where the rest is.
 */
final class FormLayout {

  static final String CUT = "……（全文见系统）";
  /** Line pitch as a share of the type size: 1.5 lines, as forms and tables of the offices are set. */
  private static final float LEADING = 1.5f;

  /** A block of lines in one style; only paragraphs of text may be cut. */
  private static final class Block {
    final Style style;
    final List<Glyph> glyphs;
    final boolean centred;
    final boolean cuttable;
    List<List<Glyph>> lines;

    Block(Style style, List<Glyph> glyphs, boolean centred, boolean cuttable) {
      this.style = style;
      this.glyphs = glyphs;
      this.centred = centred;
      this.cuttable = cuttable;
    }

    float height() {
      return Math.max(1, lines.size()) * style.size * LEADING;
    }
  }

  private final LetterFonts fonts;
  private final LineBreaker breaker = new LineBreaker(0);

  FormLayout(LetterFonts fonts) {
    this.fonts = fonts;
  }

  LaidOutLetter lay(PrintedForm form) {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block(Style.FORM_TITLE, fonts.glyphs(form.title().strip(), Style.FORM_TITLE), true, false));
    for (PrintedForm.Section section : form.sections()) {
      if (section.heading() != null && !section.heading().isBlank()) {
        blocks.add(new Block(Style.FORM_HEADING, fonts.glyphs(section.heading().strip(), Style.FORM_HEADING), false, false));
      }
      for (String paragraph : section.paragraphs()) {
        blocks.add(new Block(Style.FORM_BODY, fonts.glyphs(paragraph.strip(), Style.FORM_BODY), false, !paragraph.isBlank()));
      }
    }
    blocks.forEach(block -> block.lines = breaker.lines(block.glyphs, TypeArea.WIDTH, TypeArea.WIDTH));
    fit(blocks);
    return new LaidOutLetter(1, place(blocks));
  }

  /** Cuts the longest paragraph by a line until the blocks fit the type area's height. */
  private void fit(List<Block> blocks) {
    while (height(blocks) > TypeArea.HEIGHT) {
      Block longest = null;
      for (Block block : blocks) {
        if (block.cuttable && block.lines.size() > 1 && (longest == null || block.lines.size() > longest.lines.size())) {
          longest = block;
        }
      }
      if (longest == null) {
        throw new IllegalArgumentException("打印表单的栏目太多，一页放不下。");
      }
      longest.lines = cut(longest, longest.lines.size() - 1);
    }
  }

  /** The first glyphs of the block that fit on {@code count} lines together with {@link #CUT}. */
  private List<List<Glyph>> cut(Block block, int count) {
    List<Glyph> marker = fonts.glyphs(CUT, block.style);
    int kept = 0;
    for (List<Glyph> line : block.lines.subList(0, count)) {
      kept += line.size();
    }
    for (; kept >= 0; kept--) {
      List<Glyph> text = new ArrayList<>(block.glyphs.subList(0, kept));
      text.addAll(marker);
      List<List<Glyph>> lines = breaker.lines(text, TypeArea.WIDTH, TypeArea.WIDTH);
      if (lines.size() <= count) {
        return lines;
      }
    }
    return breaker.lines(marker, TypeArea.WIDTH, TypeArea.WIDTH);
  }

  private static float height(List<Block> blocks) {
    float height = 0;
    for (Block block : blocks) {
      height += block.height();
    }
    return height;
  }

  private static List<PlacedLine> place(List<Block> blocks) {
    List<PlacedLine> placed = new ArrayList<>();
    float top = TypeArea.TOP;
    for (Block block : blocks) {
      float pitch = block.style.size * LEADING;
      for (List<Glyph> line : block.lines) {
        float x = TypeArea.LEFT;
        if (block.centred) {
          float width = 0;
          for (Glyph glyph : line) {
            width += glyph.advance();
          }
          x += (TypeArea.WIDTH - width) / 2;
        }
        placed.add(new PlacedLine(0, x, top + (pitch - block.style.size) / 2 + TypeArea.ASCENT * block.style.size, 0, line));
        top += pitch;
      }
      if (block.lines.isEmpty()) {
        top += pitch;
      }
    }
    return placed;
  }
}
