package org.proposalhandling.letter;

/** A character as it is set: its style, the face that draws it (the style's or a fallback) and its advance. */
record Glyph(int codePoint, Style style, Face face, float advance) {

  boolean isAscii() {
    return codePoint < 0x80;
  }
}
