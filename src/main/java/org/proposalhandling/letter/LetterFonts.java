package org.proposalhandling.letter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letter's fonts, loaded into one document as subset Type 0 fonts of the application's parsed font files
 * ({@link LetterFontFiles}, open beyond the document: PDFBox builds the subsets when it is saved). Measures
 * come from the TrueType tables, so measuring a character never adds it to a subset. A font file is loaded
 * into the document when a face of it first draws: loading one computes the widths of all its glyphs (tens of
 * thousands in a CJK font), the costliest part of a letter, and a letter without headings draws one file.
 */
final class LetterFonts {

  /** Where a character no face has falls back to, in order: 黑体 covers the most. */
  private static final List<Face> FALLBACK = List.of(Face.BODY, Face.HEI, Face.SONG, Face.KAI);

  private record Loaded(TrueTypeFont ttf, CmapLookup cmap) {
  }

  private final PDDocument document;
  private final Map<Face, Loaded> faces = new EnumMap<>(Face.class);
  private final Map<Face, Boolean> thickened = new EnumMap<>(Face.class);
  /** By parsed font: the faces of one file share its parsed font ({@link LetterFontFiles} parses a file once). */
  private final Map<TrueTypeFont, PDType0Font> embedded = new IdentityHashMap<>();

  private LetterFonts(PDDocument document) {
    this.document = document;
  }

  /** The faces of {@code files} as fonts of {@code document}; the files are parsed once, not per document. */
  static LetterFonts open(PDDocument document, LetterFontFiles files) {
    LetterFonts fonts = new LetterFonts(document);
    try {
      for (Map.Entry<Face, LetterFontProperties.FontFile> entry : files.properties().byFace().entrySet()) {
        LetterFontProperties.FontFile file = entry.getValue();
        LetterFontFiles.Parsed parsed = files.font(entry.getKey(), file);
        fonts.faces.put(entry.getKey(), new Loaded(parsed.ttf(), parsed.cmap()));
        fonts.thickened.put(entry.getKey(), file.thickened());
      }
      return fonts;
    } catch (IOException e) {
      throw new UncheckedIOException("公文字体读取失败：" + e.getMessage(), e);
    }
  }

  /** The face that draws {@code codePoint}: the one wanted if it has the glyph, else a fallback. */
  Face resolve(Face wanted, int codePoint) {
    if (has(wanted, codePoint)) {
      return wanted;
    }
    for (Face face : FALLBACK) {
      if (has(face, codePoint)) {
        return face;
      }
    }
    throw new IllegalArgumentException("答复函中的字符“" + Character.toString(codePoint) + "”（U+"
        + Integer.toHexString(codePoint).toUpperCase() + "）在公文字体中都没有，无法排版。");
  }

  private boolean has(Face face, int codePoint) {
    return faces.get(face).cmap().getGlyphId(codePoint) > 0;
  }

  /** The advance of {@code codePoint} in {@code face} (as resolved) at {@code size} points. */
  float advance(Face face, int codePoint, float size) {
    Loaded loaded = faces.get(face);
    try {
      return loaded.ttf().getAdvanceWidth(loaded.cmap().getGlyphId(codePoint)) * size / loaded.ttf().getUnitsPerEm();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PDType0Font font(Face face) {
    Loaded loaded = faces.get(face);
    return embedded.computeIfAbsent(loaded.ttf(), ttf -> {
      try {
        return PDType0Font.load(document, ttf, true);
      } catch (IOException e) {
        throw new UncheckedIOException("公文字体读取失败：" + e.getMessage(), e);
      }
    });
  }

  boolean thickened(Face face) {
    return thickened.get(face);
  }
}
