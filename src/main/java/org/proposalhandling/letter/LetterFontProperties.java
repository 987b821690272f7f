package org.proposalhandling.letter;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * proposals.letter.fonts: the font file of each face, a TrueType font (glyf outlines, which PDFBox can
 * subset) or a font of a TrueType collection chosen by name. The defaults are Debian's free fonts: AR PL
 * UMing (明体, standing in for 小标宋, emboldened, for 仿宋 and for 宋体), AR PL UKai (楷体) and WenQuanYi
 * Zen Hei (黑体). A licensed 仿宋 or 小标宋 font is set here the same way.
 */
@ConfigurationProperties("proposals.letter.fonts")
record LetterFontProperties(FontFile title, FontFile body, FontFile song, FontFile kai, FontFile hei) {

  static final String UMING = "/usr/share/fonts/truetype/arphic/uming.ttc";
  static final String UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc";
  static final String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
  /** The Debian package of each default file by its name, named when it is missing. */
  static final Map<String, String> PACKAGES = Map.of(
      "uming.ttc", "fonts-arphic-uming",
      "ukai.ttc", "fonts-arphic-ukai",
      "wqy-zenhei.ttc", "fonts-wqy-zenhei");

  /**
   * @param file the font file (.ttf, or a .ttc collection)
   * @param name the font's name inside a collection; blank for a single font
   * @param embolden whether to thicken the strokes (a light 明体 standing in for 小标宋)
   */
  record FontFile(String file, String name, Boolean embolden) {

    boolean thickened() {
      return Boolean.TRUE.equals(embolden);
    }
  }

  LetterFontProperties {
    title = orDefault(title, new FontFile(UMING, "UMingCN", true));
    body = orDefault(body, new FontFile(UMING, "UMingCN", false));
    song = orDefault(song, new FontFile(UMING, "UMingCN", false));
    kai = orDefault(kai, new FontFile(UKAI, "UKaiCN", false));
    hei = orDefault(hei, new FontFile(ZENHEI, "WenQuanYiZenHei", false));
  }

  static LetterFontProperties defaults() {
    return new LetterFontProperties(null, null, null, null, null);
  }

  Map<Face, FontFile> byFace() {
    Map<Face, FontFile> files = new EnumMap<>(Face.class);
    files.put(Face.TITLE, title);
    files.put(Face.BODY, body);
    files.put(Face.SONG, song);
    files.put(Face.KAI, kai);
    files.put(Face.HEI, hei);
    return files;
  }

  /** A face set only in part (just its file, say) takes the rest from the default. */
  private static FontFile orDefault(FontFile given, FontFile fallback) {
    if (given == null) {
      return fallback;
    }
    boolean sameFile = given.file() == null || given.file().isBlank() || given.file().equals(fallback.file());
    return new FontFile(
        sameFile ? fallback.file() : given.file(),
        given.name() != null ? given.name() : sameFile ? fallback.name() : "",
        given.embolden() != null ? given.embolden() : fallback.embolden());
  }
}
