package org.proposalhandling.letter;

/** A character as it is set: its style, the font that draws it (the style's face or a fallback) and its advance. */
record Glyph(int codePoint, Style style, DrawingFont font, float advance) {

  boolean isAscii() {
    return codePoint < 0x80;
  }
}
