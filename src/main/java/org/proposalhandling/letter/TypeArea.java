package org.proposalhandling.letter;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The page of GB/T 9704-2012 in points: A4, type area 156 x 225 mm from 37 mm below the top edge and 28 mm
 * from the left edge, 22 lines of 28 characters of 3号 type that fill it, so the pitches follow from the
 * area rather than from the type size: 28 characters span 27 pitches and one character.
 */
final class TypeArea {

  static final float MM = 72f / 25.4f;
  static final PDRectangle PAGE = PDRectangle.A4;
  static final float LEFT = 28 * MM;
  static final float TOP = 37 * MM;
  static final float WIDTH = 156 * MM;
  static final float HEIGHT = 225 * MM;
  static final int LINES = 22;
  static final int CHARACTERS = 28;
  /** 3号, the body's size, which the grid is counted in. */
  static final float TYPE_SIZE = 16;
  static final float LINE_PITCH = HEIGHT / LINES;
  static final float CHARACTER_PITCH = (WIDTH - TYPE_SIZE) / (CHARACTERS - 1);
  /** The page number's dashes sit 7 mm below the type area. */
  static final float PAGE_NUMBER_DROP = 7 * MM;
  /** Where CJK fonts put the baseline in the em box, from its top. */
  static final float ASCENT = 0.88f;

  private TypeArea() {
  }

  /** The baseline of grid line {@code row}, from the top of the page, for type of {@code size} points. */
  static float baseline(int row, float size) {
    return TOP + row * LINE_PITCH + (LINE_PITCH - size) / 2 + ASCENT * size;
  }
}
