package org.proposalhandling.letter;

import java.util.List;

/**
 * One line of the 22-line grid before it is put on a page; an empty one is a blank line.
 *
 * @param keepWithPrevious goes on the same page as the row before it
 * @param foot sits at the bottom of the last page
 */
record Row(float x, float characterSpacing, List<Glyph> glyphs, boolean keepWithPrevious, boolean foot) {

  static Row blank(boolean keepWithPrevious) {
    return new Row(TypeArea.LEFT, 0, List.of(), keepWithPrevious, false);
  }

  boolean isBlank() {
    return glyphs.isEmpty();
  }

  Row kept(boolean foot) {
    return new Row(x, characterSpacing, glyphs, true, foot);
  }
}
