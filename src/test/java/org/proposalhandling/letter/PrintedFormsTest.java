package org.proposalhandling.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.proposalhandling.letter.PrintedForm.Section;
import org.proposalhandling.support.ModelLayer;

/** A 办理单 and a 征询意见表 as the printed forms set them, read back with PDFBox. */
@ModelLayer
class PrintedFormsTest {

  private static final float MM = 72f / 25.4f;
  private static final PrintedForms FORMS = new PrintedForms(new LetterFontFiles(LetterFontProperties.defaults()));

  static PrintedForm record(String reply) {
    return new PrintedForm("党派团体提案办理单", List.of(
        new Section(null, List.of("编号：省政协十三届一次会议第D13号党派团体提案", "提出人：𠮷田䶮（附议：李𬌗）")),
        new Section("一、交办", List.of("主办单位：吉林省民政厅", "会办单位：省财政厅、省卫健委")),
        new Section("二、期限", List.of("答复期限：2023-06-30　　会办期限：2023-05-31")),
        new Section("三、会办意见", List.of("省财政厅：同意。")),
        new Section("五、答复", List.of("发文字号：吉民议字〔2023〕10号　　答复类别：B", "答复正文：" + reply)),
        new Section("七、督办与催办", List.of("2023-06-20 10:00 黄牌提醒（系统）")),
        new Section(null, List.of("打印时间：2023-06-21 09:30"))));
  }

  @Test
  void aRecordShowsItsFieldsOnOnePageInEmbeddedFonts() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(save(FORMS.render(record("民建省委会：贵单位提出的提案收悉。现答复如下。")), "record"))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text).contains("党派团体提案办理单", "编号：省政协十三届一次会议第D13号党派团体提案", "提出人：𠮷田䶮（附议：李𬌗）",
          "一、交办", "会办单位：省财政厅、省卫健委", "答复期限：2023-06-30", "省财政厅：同意。",
          "发文字号：吉民议字〔2023〕10号", "答复正文：民建省委会：贵单位提出的提案收悉。现答复如下。", "黄牌提醒")
          .doesNotContain("全文见系统");
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isCloseTo(595, offset(1f));
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
          assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
        }
      }
      assertThat(fontOf(pdf, "𠮷")).as("the rare character of the name, from the fallback file").contains("HanaMinB");
    }
  }

  @Test
  void aLongReplyIsCutToKeepTheRecordOnOnePageAndTheFieldsAfterItWhole() throws IOException {
    String longReply = String.join("", Collections.nCopies(400, "推进居家社区机构养老服务协调发展。")) + "末句";
    try (PDDocument pdf = Loader.loadPDF(save(FORMS.render(record(longReply)), "record-cut"))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text).contains("答复正文：推进居家社区机构养老服务协调发展。", "……（全文见系统）", "七、督办与催办",
          "黄牌提醒", "打印时间：2023-06-21").doesNotContain("末句");
      for (TextPosition glyph : glyphs(pdf)) {
        assertThat(glyph.getY()).as("inside the type area: %s", glyph.getUnicode()).isLessThanOrEqualTo((37 + 225) * MM + 0.5f);
      }
    }
  }

  @Test
  void blankLinesOfAFormAreKeptForTheHand() throws IOException {
    PrintedForm feedback = new PrintedForm("党派团体提案办理情况征询意见表", List.of(
        new Section("一、总体评价", List.of("□满意　　□基本满意　　□不满意")),
        new Section("四、意见和建议", Collections.nCopies(8, "")),
        new Section(null, List.of("提出人（签名）：　　　　年　　月　　日"))));
    try (PDDocument pdf = Loader.loadPDF(save(FORMS.render(feedback), "feedback-form"))) {
      List<TextPosition> glyphs = glyphs(pdf);
      float heading = glyphs.stream().filter(glyph -> glyph.getUnicode().equals("建")).findFirst().orElseThrow().getY();
      float signature = glyphs.stream().filter(glyph -> glyph.getUnicode().equals("签")).findFirst().orElseThrow().getY();
      assertThat(signature - heading).as("eight empty lines of 五号 at 1.5 between").isGreaterThan(8 * 10.5f * 1.5f);
      assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("□满意　　□基本满意　　□不满意");
    }
  }

  private static byte[] save(byte[] pdf, String name) throws IOException {
    Path artefacts = Files.createDirectories(Path.of("target", "letters"));
    Files.write(artefacts.resolve(name + ".pdf"), pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png", artefacts.resolve(name + ".png").toFile());
    }
    return pdf;
  }

  private static List<TextPosition> glyphs(PDDocument pdf) throws IOException {
    List<TextPosition> glyphs = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition text) {
        glyphs.add(text);
      }
    };
    stripper.getText(pdf);
    return glyphs;
  }

  private static String fontOf(PDDocument pdf, String character) throws IOException {
    return glyphs(pdf).stream().filter(glyph -> glyph.getUnicode().equals(character)).findFirst()
        .orElseThrow(() -> new AssertionError(character + " not read back")).getFont().getName();
  }
}
