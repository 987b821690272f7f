package org.proposalhandling.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letter's fonts, embedded into one document as subset Type 0 fonts of the application's parsed font files
 * ({@link LetterFontFiles}, open beyond the document), each cut to the characters the letter draws in it
 * ({@link #embedFor}). Measures come from the TrueType tables, so measuring a character never adds it to a
 * subset. Only the files that draw are embedded: a letter without headings draws one. The fallback files are
 * parsed when a letter first has a character no face has.
 */
final class LetterFonts {

  /** Where a character the wanted face lacks falls back to, in order, before the fallback files: 黑体 covers the most. */
  private static final List<Face> FALLBACK = List.of(Face.BODY, Face.HEI, Face.SONG, Face.KAI);
  /**
   * The tables of a subset cut here: those PDFBox keeps in its own subsets, and the character map, names and
   * metrics that it reads when it loads the subset.
   */
  private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
      "hmtx", "fpgm", "gasp", "cmap", "name", "OS/2", "post");

  private final PDDocument document;
  private final LetterFontFiles files;
  private final Map<Face, DrawingFont> faces = new EnumMap<>(Face.class);
  /** The fallback files as parsed so far, by their index; null until a character needs one. */
  private final DrawingFont[] fallbacks;
  /** By parsed font: the faces of one file share its parsed font ({@link LetterFontFiles} parses a file once). */
  private final Map<TrueTypeFont, PDType0Font> embedded = new IdentityHashMap<>();

  private LetterFonts(PDDocument document, LetterFontFiles files) {
    this.document = document;
    this.files = files;
    this.fallbacks = new DrawingFont[files.properties().fallback().size()];
  }

  /** The faces of {@code files} as fonts of {@code document}; the files are parsed once, not per document. */
  static LetterFonts open(PDDocument document, LetterFontFiles files) {
    LetterFonts fonts = new LetterFonts(document, files);
    try {
      for (Map.Entry<Face, LetterFontProperties.FontFile> entry : files.properties().byFace().entrySet()) {
        LetterFontProperties.FontFile file = entry.getValue();
        LetterFontFiles.Parsed parsed = files.font(entry.getKey(), file);
        fonts.faces.put(entry.getKey(), new DrawingFont(parsed.ttf(), parsed.cmap(), file.thickened()));
      }
      return fonts;
    } catch (IOException e) {
      throw new UncheckedIOException("公文字体读取失败：" + e.getMessage(), e);
    }
  }

  /** The refusal of a character no font has, naming it and its code point. */
  static String unprintable(int codePoint) {
    return "字符“" + Character.toString(codePoint) + "”（U+" + String.format("%04X", codePoint)
        + "）在公文字体中都没有，答复函无法排版。";
  }

  /** The font that draws {@code codePoint}, as {@link #find}; a character no font has is refused by name. */
  DrawingFont resolve(Face wanted, int codePoint) {
    return find(wanted, codePoint).orElseThrow(() -> new IllegalArgumentException(unprintable(codePoint)));
  }

  /**
   * The font that draws {@code codePoint}: the wanted face's if it has the glyph, else another face's, else,
   * for a Han character, the first fallback file's that has it; empty when none has. The fallback files are
   * there for the rare characters of names: HanaMin A also draws some emoji, which no official letter prints.
   */
  Optional<DrawingFont> find(Face wanted, int codePoint) {
    DrawingFont face = faces.get(wanted);
    if (face.has(codePoint)) {
      return Optional.of(face);
    }
    for (Face other : FALLBACK) {
      if (faces.get(other).has(codePoint)) {
        return Optional.of(faces.get(other));
      }
    }
    if (Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.HAN) {
      return Optional.empty();
    }
    for (int index = 0; index < fallbacks.length; index++) {
      DrawingFont rare = fallback(index);
      if (rare.has(codePoint)) {
        return Optional.of(new DrawingFont(rare.ttf(), rare.cmap(), face.thickened()));
      }
    }
    return Optional.empty();
  }

  private DrawingFont fallback(int index) {
    if (fallbacks[index] == null) {
      try {
        LetterFontFiles.Parsed parsed = files.fallback(index);
        fallbacks[index] = new DrawingFont(parsed.ttf(), parsed.cmap(), false);
      } catch (IOException e) {
        throw new UncheckedIOException("公文字体读取失败：" + e.getMessage(), e);
      }
    }
    return fallbacks[index];
  }

  /** {@code text} as glyphs of {@code style}, each in the font that draws it, measured. */
  List<Glyph> glyphs(String text, Style style) {
    List<Glyph> glyphs = new ArrayList<>();
    text.codePoints().forEach(codePoint -> {
      DrawingFont font = resolve(style.face, codePoint);
      glyphs.add(new Glyph(codePoint, style, font, advance(font, codePoint, style.size)));
    });
    return glyphs;
  }

  /** The advance of {@code codePoint} in {@code font} (as resolved) at {@code size} points. */
  static float advance(DrawingFont font, int codePoint, float size) {
    try {
      return font.ttf().getAdvanceWidth(font.cmap().getGlyphId(codePoint)) * size / font.ttf().getUnitsPerEm();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Embeds the fonts that draw {@code letter}, each as a subset of the characters it draws there. PDFBox's own
   * subsetting (at save) first loads the whole font, the widths of all its glyphs, and then walks every glyph
   * again to build the subset's maps: tens of thousands in a CJK font, per font and document, the costliest part
   * of a letter (a third of the sign-off's CPU in the benchmark's cycle). A font whose characters are all in the
   * Basic Multilingual Plane is cut here to those characters before PDFBox sees it; PDFBox's subsetter writes no
   * character map beyond that plane, so a font that draws a rarer character (a name's, from Extension B on) is
   * left to PDFBox's subsetting.
   */
  void embedFor(LaidOutLetter letter) {
    Map<TrueTypeFont, Set<Integer>> drawn = new IdentityHashMap<>();
    for (PlacedLine line : letter.lines()) {
      for (Glyph glyph : line.glyphs()) {
        drawn.computeIfAbsent(glyph.font().ttf(), ttf -> new TreeSet<>()).add(glyph.codePoint());
      }
    }
    drawn.forEach((ttf, codePoints) -> embedded.computeIfAbsent(ttf, font -> load(font, codePoints)));
  }

  /** The document's font for {@code font}, as {@link #embedFor} embedded it for the letter being drawn. */
  PDType0Font embedded(DrawingFont font) {
    PDType0Font embeddedFont = embedded.get(font.ttf());
    if (embeddedFont == null) {
      throw new IllegalStateException("A font is drawn that embedFor did not embed for this letter");
    }
    return embeddedFont;
  }

  /** {@code ttf} in the document, cut to {@code codePoints} if they are all in the Basic Multilingual Plane. */
  private PDType0Font load(TrueTypeFont ttf, Set<Integer> codePoints) {
    try {
      boolean cutHere = codePoints.stream().allMatch(codePoint -> codePoint <= 0xFFFF)
          && !(ttf instanceof OpenTypeFont otf && otf.isPostScript());
      if (!cutHere) {
        return PDType0Font.load(document, ttf, true);
      }
      TTFSubsetter subsetter = new TTFSubsetter(ttf, SUBSET_TABLES);
      subsetter.setPrefix(subsetTag(codePoints));
      subsetter.addAll(codePoints);
      ByteArrayOutputStream subset = new ByteArrayOutputStream();
      subsetter.writeToStream(subset);
      return PDType0Font.load(document, new ByteArrayInputStream(subset.toByteArray()), false);
    } catch (IOException e) {
      throw new UncheckedIOException("公文字体读取失败：" + e.getMessage(), e);
    }
  }

  /** The six capitals before a subset font's name (ISO 32000-1, 9.6.4), from the characters it holds. */
  private static String subsetTag(Set<Integer> codePoints) {
    long hash = Integer.toUnsignedLong(codePoints.hashCode());
    StringBuilder tag = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      tag.append((char) ('A' + hash % 26));
      hash /= 26;
    }
    return tag.append('+').toString();
  }
}
