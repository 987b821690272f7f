package org.proposalhandling.letter;

/** How each part of the letter is set: face and size (2号 22 pt, 3号 16 pt, 4号 14 pt). */
enum Style {
  TITLE(Face.TITLE, 22),
  BODY(Face.BODY, TypeArea.TYPE_SIZE),
  HEADING(Face.HEI, TypeArea.TYPE_SIZE),
  SUBHEADING(Face.KAI, TypeArea.TYPE_SIZE),
  MARK(Face.HEI, TypeArea.TYPE_SIZE),
  PAGE_NUMBER(Face.SONG, 14);

  final Face face;
  final float size;

  Style(Face face, float size) {
    this.face = face;
    this.size = size;
  }
}
