package org.proposalhandling.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The font a glyph is drawn in: a face's, or a fallback file's for a character no face has, thickened as the
 * face it stands in for (a rare character of a title in the weight of the title's 小标宋).
 */
record DrawingFont(TrueTypeFont ttf, CmapLookup cmap, boolean thickened) {

  /**
   * Whether the font draws {@code codePoint}: it maps it to a glyph, and the glyph has an outline unless the
   * character is a space. AR PL UKai maps 䶮 (U+4DAE) to a glyph without one: drawn in 楷体, it was a blank.
   */
  boolean has(int codePoint) {
    int glyph = cmap.getGlyphId(codePoint);
    return glyph > 0 && (Character.isSpaceChar(codePoint) || Character.isWhitespace(codePoint) || hasOutline(glyph));
  }

  /** A glyph without an outline takes no bytes in the glyph table: its offset is the next glyph's. */
  private boolean hasOutline(int glyph) {
    try {
      long[] offsets = ttf.getIndexToLocation().getOffsets();
      return offsets[glyph + 1] > offsets[glyph];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
