package org.proposalhandling.letter;

/** The typefaces GB/T 9704 names, each a font of proposals.letter.fonts. */
enum Face {
  /** 小标宋, the title's. */
  TITLE("title", "标题（小标宋）"),
  /** 仿宋, the body's. */
  BODY("body", "正文（仿宋）"),
  /** 宋体, the page numbers'. */
  SONG("song", "页码（宋体）"),
  /** 楷体, second-level headings. */
  KAI("kai", "二级标题（楷体）"),
  /** 黑体, first-level headings and the mark at the top. */
  HEI("hei", "一级标题（黑体）");

  final String key;
  final String use;

  Face(String key, String use) {
    this.key = key;
    this.use = use;
  }
}
