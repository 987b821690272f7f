package org.proposalhandling.letter;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * proposals.letter.fonts: the font file of each face, a TrueType font (glyf outlines, which PDFBox can
 * subset) or a font of a TrueType collection chosen by name. The defaults are Debian's free fonts: AR PL
 * UMing (明体, standing in for 小标宋, emboldened, for 仿宋 and for 宋体), AR PL UKai (楷体) and WenQuanYi
 * Zen Hei (黑体). A licensed 仿宋 or 小标宋 font is set here the same way.
 *
 * <p>The fallback files draw, in their order, the Han characters no face has: GB 18030-2022 level 2
 * (mandatory for government systems) includes the rare characters of names in CJK Extensions B to F (𠮷, 𬌗),
 * which none of the faces has. The default is Debian's 花園明朝 (HanaMin, a 明体): file B (Extensions B to F)
 * first, then file A (the Basic Multilingual Plane: the few ideographs added to it since Unicode 6, such as 鿏,
 * which no face has). PDFBox holds a parsed font file whole in memory: file B alone added 74 MB to the heap
 * after a letter with names of Extensions B to F, both files 134 MB; with B first, file A is parsed only for a
 * character of the Basic Multilingual Plane. A fallback glyph is thickened where the face it stands in for is.
 *
 * @param title the title's face (小标宋)
 * @param body the body's face (仿宋)
 * @param song the face of 宋体
 * @param kai the face of 楷体
 * @param hei the face of 黑体
 * @param fallback the font files (each a file and, in a collection, a name) that draw, in their order, the Han
 *     characters no face has; by default HanaMinB.ttf, then HanaMinA.ttf of Debian's fonts-hanazono
 */
@ConfigurationProperties("proposals.letter.fonts")
record LetterFontProperties(FontFile title, FontFile body, FontFile song, FontFile kai, FontFile hei,
                            List<FontFile> fallback) {

  static final String UMING = "/usr/share/fonts/truetype/arphic/uming.ttc";
  static final String UKAI = "/usr/share/fonts/truetype/arphic/ukai.ttc";
  static final String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
  static final String HANAMIN_A = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf";
  static final String HANAMIN_B = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf";
  /** The Debian package of each default file by its name, named when it is missing. */
  static final Map<String, String> PACKAGES = Map.of(
      "uming.ttc", "fonts-arphic-uming",
      "ukai.ttc", "fonts-arphic-ukai",
      "wqy-zenhei.ttc", "fonts-wqy-zenhei",
      "HanaMinA.ttf", "fonts-hanazono",
      "HanaMinB.ttf", "fonts-hanazono");

  /**
   * @param file the font file (.ttf, or a .ttc collection); by default Debian's fonts-arphic-uming (title, body,
   *     song), fonts-arphic-ukai (kai) and fonts-wqy-zenhei (hei), as application.yaml names them
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
    fallback = fallback == null ? List.of(new FontFile(HANAMIN_B, "", false), new FontFile(HANAMIN_A, "", false))
        : fallback.stream().map(file -> new FontFile(file.file(), file.name() == null ? "" : file.name(), false)).toList();
  }

  static LetterFontProperties defaults() {
    return new LetterFontProperties(null, null, null, null, null, null);
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
  private static FontFile orDefault(FontFile given, FontFile standard) {
    if (given == null) {
      return standard;
    }
    boolean sameFile = given.file() == null || given.file().isBlank() || given.file().equals(standard.file());
    return new FontFile(
        sameFile ? standard.file() : given.file(),
        given.name() != null ? given.name() : sameFile ? standard.name() : "",
        given.embolden() != null ? given.embolden() : standard.embolden());
  }
}
