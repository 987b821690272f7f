package org.proposalhandling.letter;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.springframework.stereotype.Component;

/**
 * The font files of proposals.letter.fonts, each parsed once per application, when a letter first needs it.
 * The CJK fonts are tens of megabytes and PDFBox keeps a font's whole glyph table in memory once it has parsed
 * it: parsed again for every letter, a few mails with reply letters attached at once filled a 512 MB heap
 * (issue #20). PDFBox 3 reads a parsed font from several threads (each thread through its own view of the
 * file, the font's tables under its lock), as its own font cache shares fonts between documents.
 */
@Component
final class LetterFontFiles implements Closeable {

  /** A parsed font with its Unicode mapping. */
  record Parsed(TrueTypeFont ttf, CmapLookup cmap) {
  }

  private final LetterFontProperties properties;
  private final Map<String, Parsed> parsed = new HashMap<>();
  private final Map<String, SoftReference<Parsed>> fallbacks = new HashMap<>();
  private final List<Closeable> opened = new ArrayList<>();

  LetterFontFiles(LetterFontProperties properties) {
    this.properties = properties;
  }

  LetterFontProperties properties() {
    return properties;
  }

  /**
   * The font of {@code face}; a missing or unusable file is not remembered, so that installing it later
   * helps without a restart.
   */
  synchronized Parsed font(Face face, LetterFontProperties.FontFile file) throws IOException {
    return font(file, face.key, face.use);
  }

  /**
   * The fallback file at {@code index} of proposals.letter.fonts.fallback, kept only while memory allows: the
   * two default files hold 53 MB (PDFBox reads a font file whole into the heap) and draw only the rare
   * characters of a few names, while the faces draw every letter. Parsed again (a fraction of a second) for the
   * next letter with such a character once the collector has let it go; a letter being drawn holds it.
   */
  synchronized Parsed fallback(int index) throws IOException {
    LetterFontProperties.FontFile file = properties.fallback().get(index);
    Parsed face = parsed.get(key(file));
    if (face != null) {
      return face;
    }
    SoftReference<Parsed> kept = fallbacks.get(key(file));
    Parsed font = kept == null ? null : kept.get();
    if (font == null) {
      font = parse(file, "fallback[" + index + "]", "生僻字");
      fallbacks.put(key(file), new SoftReference<>(font));
    }
    return font;
  }

  private static String key(LetterFontProperties.FontFile file) {
    return file.file() + "#" + file.name();
  }

  /**
   * @param property where the file is set, under proposals.letter.fonts
   * @param use what the font draws, as the messages name it
   */
  private Parsed font(LetterFontProperties.FontFile file, String property, String use) throws IOException {
    Parsed font = parsed.get(key(file));
    if (font == null) {
      font = parse(file, property, use);
      parsed.put(key(file), font);
      opened.add(font.ttf());
    }
    return font;
  }

  private Parsed parse(LetterFontProperties.FontFile file, String property, String use) throws IOException {
    File path = new File(file.file());
    if (!path.isFile()) {
      String debianPackage = LetterFontProperties.PACKAGES.get(path.getName());
      throw new IllegalStateException("找不到公文字体文件 " + file.file() + "（" + use + "用）："
          + (debianPackage == null ? "" : "请安装 Debian 软件包 " + debianPackage + "（apt-get install "
              + debianPackage + "），或")
          + "在 proposals.letter.fonts." + property + ".file 中指定一个 TrueType 字体文件。");
    }
    TrueTypeFont ttf = file.name() == null || file.name().isBlank() ? single(path) : inCollection(path, file, property, use);
    if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
      throw new IllegalStateException("公文字体 " + file.file() + "（" + use + "用）是 CFF 轮廓的 OpenType 字体，"
          + "PDFBox 无法子集嵌入：请在 proposals.letter.fonts." + property + " 中改用 TrueType（glyf）轮廓的字体。");
    }
    return new Parsed(ttf, ttf.getUnicodeCmapLookup());
  }

  private TrueTypeFont single(File path) throws IOException {
    return new OTFParser().parse(new RandomAccessReadBufferedFile(path));
  }

  private TrueTypeFont inCollection(File path, LetterFontProperties.FontFile file, String property, String use)
      throws IOException {
    TrueTypeCollection collection = new TrueTypeCollection(path);
    TrueTypeFont ttf = collection.getFontByName(file.name());
    if (ttf == null) {
      List<String> names = new ArrayList<>();
      collection.processAllFonts(font -> names.add(font.getName()));
      collection.close();
      throw new IllegalStateException("字体集 " + file.file() + " 中没有名为“" + file.name() + "”的字体（" + use
          + "用），其中有：" + String.join("、", names) + "。请检查 proposals.letter.fonts." + property + ".name。");
    }
    return ttf;
  }

  /** At the application's end (Spring closes a Closeable bean). */
  @Override
  public synchronized void close() {
    for (Closeable source : opened) {
      try {
        source.close();
      } catch (IOException e) {
        // Read-only font files: nothing is lost if one fails to close.
      }
    }
    opened.clear();
    parsed.clear();
    fallbacks.clear();
  }
}
