package org.proposalhandling.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letter's fonts, loaded into one document as subset Type 0 fonts of the application's parsed font files
 * ({@link LetterFontFiles}, open beyond the document: PDFBox builds the subsets when it is saved). Measures
 * come from the TrueType tables, so measuring a character never adds it to a subset. A font file is loaded
 * into the document when a face of it first draws: loading one computes the widths of all its glyphs (tens of
 * thousands in a CJK font), the costliest part of a letter, and a letter without headings draws one file. The
 * fallback files are parsed when a letter first has a character no face has, and loaded when one draws.
 */
final class LetterFonts {

  /** Where a character the wanted face lacks falls back to, in order, before the fallback files: 黑体 covers the most. */
  private static final List<Face> FALLBACK = List.of(Face.BODY, Face.HEI, Face.SONG, Face.KAI);

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

  PDType0Font embedded(DrawingFont font) {
    return embedded.computeIfAbsent(font.ttf(), ttf -> {
      try {
        return PDType0Font.load(document, ttf, true);
      } catch (IOException e) {
        throw new UncheckedIOException("公文字体读取失败：" + e.getMessage(), e);
      }
    });
  }
}
