package org.proposalhandling.letter;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letter's fonts, loaded into one document as subset Type 0 fonts. They stay open until the document
 * is saved, since PDFBox builds the subsets then. Measures come from the TrueType tables, so measuring a
 * character never adds it to a subset.
 */
final class LetterFonts implements Closeable {

  /** Where a character no face has falls back to, in order: 黑体 covers the most. */
  private static final List<Face> FALLBACK = List.of(Face.BODY, Face.HEI, Face.SONG, Face.KAI);

  private record Loaded(TrueTypeFont ttf, CmapLookup cmap, PDType0Font pdf) {
  }

  private final List<Closeable> opened = new ArrayList<>();
  private final Map<Face, Loaded> faces = new EnumMap<>(Face.class);
  private final Map<Face, Boolean> thickened = new EnumMap<>(Face.class);

  private LetterFonts() {
  }

  static LetterFonts open(PDDocument document, LetterFontProperties properties) {
    LetterFonts fonts = new LetterFonts();
    Map<String, Loaded> byFile = new HashMap<>();
    try {
      for (Map.Entry<Face, LetterFontProperties.FontFile> entry : properties.byFace().entrySet()) {
        LetterFontProperties.FontFile file = entry.getValue();
        Loaded loaded = byFile.get(file.file() + "#" + file.name());
        if (loaded == null) {
          loaded = fonts.load(document, entry.getKey(), file);
          byFile.put(file.file() + "#" + file.name(), loaded);
        }
        fonts.faces.put(entry.getKey(), loaded);
        fonts.thickened.put(entry.getKey(), file.thickened());
      }
      return fonts;
    } catch (IOException e) {
      fonts.close();
      throw new UncheckedIOException("公文字体读取失败：" + e.getMessage(), e);
    } catch (RuntimeException e) {
      fonts.close();
      throw e;
    }
  }

  private Loaded load(PDDocument document, Face face, LetterFontProperties.FontFile file) throws IOException {
    File path = new File(file.file());
    if (!path.isFile()) {
      String debianPackage = LetterFontProperties.PACKAGES.get(path.getName());
      throw new IllegalStateException("找不到公文字体文件 " + file.file() + "（" + face.use + "用）："
          + (debianPackage == null ? "" : "请安装 Debian 软件包 " + debianPackage + "（apt-get install "
              + debianPackage + "），或")
          + "在 proposals.letter.fonts." + face.key + ".file 中指定一个 TrueType 字体文件。");
    }
    TrueTypeFont ttf = file.name() == null || file.name().isBlank() ? single(path) : inCollection(path, face, file);
    if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
      throw new IllegalStateException("公文字体 " + file.file() + "（" + face.use + "用）是 CFF 轮廓的 OpenType 字体，"
          + "PDFBox 无法子集嵌入：请在 proposals.letter.fonts." + face.key + " 中改用 TrueType（glyf）轮廓的字体。");
    }
    return new Loaded(ttf, ttf.getUnicodeCmapLookup(), PDType0Font.load(document, ttf, true));
  }

  private TrueTypeFont single(File path) throws IOException {
    TrueTypeFont ttf = new OTFParser().parse(new RandomAccessReadBufferedFile(path));
    opened.add(ttf);
    return ttf;
  }

  private TrueTypeFont inCollection(File path, Face face, LetterFontProperties.FontFile file) throws IOException {
    TrueTypeCollection collection = new TrueTypeCollection(path);
    opened.add(collection);
    TrueTypeFont ttf = collection.getFontByName(file.name());
    if (ttf == null) {
      List<String> names = new ArrayList<>();
      collection.processAllFonts(font -> names.add(font.getName()));
      throw new IllegalStateException("字体集 " + file.file() + " 中没有名为“" + file.name() + "”的字体（" + face.use
          + "用），其中有：" + String.join("、", names) + "。请检查 proposals.letter.fonts." + face.key + ".name。");
    }
    return ttf;
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
    return faces.get(face).pdf();
  }

  boolean thickened(Face face) {
    return thickened.get(face);
  }

  @Override
  public void close() {
    for (Closeable source : opened) {
      try {
        source.close();
      } catch (IOException e) {
        // Read-only font files: nothing is lost if one fails to close.
      }
    }
    opened.clear();
  }
}
