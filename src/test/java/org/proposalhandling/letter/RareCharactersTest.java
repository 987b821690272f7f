package org.proposalhandling.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/**
 * The rare characters of names GB 18030-2022 level 2 requires (CJK Extensions A to F) print, in the fallback
 * files where no face has them, and read back from the PDF's text; what no font has is refused by name.
 */
@ModelLayer
class RareCharactersTest {

  /**
   * 䶮 (Extension A), one character of each of Extensions B to F (𠮷 𪜶 𫟦 𬌗 𬺰) and 鿏 (U+9FCF, an element's
   * name, added to the Basic Multilingual Plane in Unicode 6.1).
   */
  static final String RARE = "䶮𠮷𪜶𫟦𬌗𬺰鿏";
  static final String PROPOSER = "𠮷田" + RARE;

  private final LetterFontFiles files = new LetterFontFiles(LetterFontProperties.defaults());

  static ReplyLetter letter() {
    return new ReplyLetter("对第" + RARE + "号提案的答复", "吉民议字〔2023〕11号", "尊敬的" + PROPOSER + "委员",
        "您提出的关于" + RARE + "的提案收悉。\n一、关于" + RARE + "。正文" + RARE + "。\n（一）" + RARE + "。再述。",
        "吉林省民政厅", LocalDate.of(2023, 6, 14), "A", "此件主动公开", "孙𬺰", "李𠮷", "0431-88900001", List.of(), List.of());
  }

  @Test
  void everyRareCharacterPrintsAndReadsBack() throws IOException {
    byte[] bytes = new ReplyLetters(files).render(letter());
    Path artefacts = Files.createDirectories(Path.of("target", "letters"));
    Files.write(artefacts.resolve("rare.pdf"), bytes);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", artefacts.resolve("rare-page1.png").toFile());
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("对第" + RARE + "号提案的答复", "尊敬的" + PROPOSER + "委员：", "关于" + RARE + "的提案收悉",
          "一、关于" + RARE + "。", "（一）" + RARE + "。", "负责人：孙𬺰", "承办人：李𠮷");

      List<ReplyLettersTest.Line> lines = new ReplyLettersTest.LineCollector().lines(document);
      ReplyLettersTest.Line addressee = lines.stream().filter(line -> line.text().startsWith("尊敬的")).findFirst().orElseThrow();
      assertThat(fontOf(addressee, "尊")).as("the face keeps what it has").contains("UMing");
      assertThat(fontOf(addressee, "䶮")).as("Extension A, in 明体 itself").contains("UMing");
      for (String extensionBToF : List.of("𠮷", "𪜶", "𫟦", "𬌗", "𬺰")) {
        assertThat(fontOf(addressee, extensionBToF)).as(extensionBToF).contains("HanaMinB");
      }
      assertThat(fontOf(addressee, "鿏")).contains("HanaMinA");
      ReplyLettersTest.Line subheading = lines.stream().filter(line -> line.text().startsWith("（一）")).findFirst().orElseThrow();
      assertThat(fontOf(subheading, "一")).contains("UKai");
      assertThat(fontOf(subheading, "䶮")).as("楷体 maps it to a glyph without outline").contains("UMing");
    }
  }

  @Test
  void aLetterWithoutRareCharactersNeverOpensTheFallbackFiles() throws IOException {
    LetterFontProperties noFallbackFile = new LetterFontProperties(null, null, null, null, null,
        List.of(new LetterFontProperties.FontFile("/nonexistent/HanaMinB.ttf", null, null)));
    byte[] d13 = new ReplyLetters(new LetterFontFiles(noFallbackFile)).render(ReplyLettersTest.d13());
    assertThat(d13).isNotEmpty();
    assertThatThrownBy(() -> new ReplyLetters(new LetterFontFiles(noFallbackFile)).render(letter()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/HanaMinB.ttf")
        .hasMessageContaining("fonts-hanazono")
        .hasMessageContaining("proposals.letter.fonts.fallback[0].file");
  }

  @Test
  void textIsCheckedBeforeALetterIsMadeOfIt() {
    ReplyLetters letters = new ReplyLetters(files);
    assertThat(letters.unprintable("尊敬的" + PROPOSER + "委员：正文。", "「答复正文」")).isEmpty();
    assertThat(letters.unprintable("谢谢您的建议👍。", "「答复正文」")).contains(
        "「答复正文」中的字符“👍”（U+1F44D）在公文字体中都没有，答复函无法排版。请删去或改写这个字符。");
    assertThat(letters.unprintable("私用区\uE000字", "「承办人」")).contains(
        "「承办人」中的字符“\uE000”（U+E000）在公文字体中都没有，答复函无法排版。请删去或改写这个字符。");
  }

  private static String fontOf(ReplyLettersTest.Line line, String character) {
    return line.glyphs().stream().filter(glyph -> glyph.getUnicode().equals(character)).findFirst()
        .map(TextPosition::getFont).orElseThrow(() -> new AssertionError(character + " not read back from " + line))
        .getName();
  }
}
