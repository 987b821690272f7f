package org.proposalhandling.letter;

/**
 * How each part of the letter is set: face and size (2号 22 pt, 3号 16 pt, 4号 14 pt); the printed forms'
 * parts in 小二 (18 pt), 小四 (12 pt) and 五号 (10.5 pt), which put a whole 办理单 on one A4 page.
 */
enum Style {
  TITLE(Face.TITLE, 22),
  BODY(Face.BODY, TypeArea.TYPE_SIZE),
  HEADING(Face.HEI, TypeArea.TYPE_SIZE),
  SUBHEADING(Face.KAI, TypeArea.TYPE_SIZE),
  MARK(Face.HEI, TypeArea.TYPE_SIZE),
  PAGE_NUMBER(Face.SONG, 14),
  FORM_TITLE(Face.TITLE, 18),
  FORM_HEADING(Face.HEI, 12),
  FORM_BODY(Face.BODY, 10.5f);

  final Face face;
  final float size;

  Style(Face face, float size) {
    this.face = face;
    this.size = size;
  }
}
