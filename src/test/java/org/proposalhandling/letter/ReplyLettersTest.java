package org.proposalhandling.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/** The D13 reply of 吉林省民政厅 rendered as the letter it was, and read back with PDFBox. */
@ModelLayer
class ReplyLettersTest {

  private static final float MM = 72f / 25.4f;
  private static final float TOLERANCE = 0.5f;

  private static PDDocument pdf;
  private static List<Line> lines;

  @BeforeAll
  static void render() throws IOException {
    byte[] bytes = new ReplyLetters(new LetterFontFiles(LetterFontProperties.defaults())).render(d13());
    Path artefacts = Files.createDirectories(Path.of("target", "letters"));
    Files.write(artefacts.resolve("D13.pdf"), bytes);
    pdf = Loader.loadPDF(bytes);
    lines = new LineCollector().lines(pdf);
    // The first page and the last (the signature and the foot), for a person to look at.
    for (int page : new int[] {0, pdf.getNumberOfPages() - 1}) {
      BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 110);
      ImageIO.write(image, "png", artefacts.resolve("D13-page" + (page + 1) + ".png").toFile());
    }
  }

  @AfterAll
  static void close() throws IOException {
    if (pdf != null) {
      pdf.close();
    }
  }

  static ReplyLetter d13() throws IOException {
    String reply = seed("seeds/demo/replies/D13.txt");
    int firstLineEnd = reply.indexOf('\n');
    return new ReplyLetter("对省政协十三届一次会议第D13号党派团体提案的答复", "吉民议字〔2023〕10号",
        reply.substring(0, firstLineEnd), reply.substring(firstLineEnd + 1), "吉林省民政厅",
        LocalDate.of(2023, 6, 14), "B", "此件主动公开", "孙立新", "李静", "0431-88900001",
        List.of("吉林省人民政府办公厅", "吉林省财政厅", "吉林省卫生健康委员会"),
        List.of("吉林省社区居家养老服务设施建设情况统计表", "吉林省2023年度医养结合示范机构名单及各市州养老服务补助资金安排情况"));
  }

  private static String seed(String resource) throws IOException {
    try (InputStream in = ReplyLettersTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theTextIsExtractable() throws IOException {
    String text = new PDFTextStripper().getText(pdf).replaceAll("\\R", "");
    assertThat(text).contains(
        "对省政协十三届一次会议第D13号党派团体提案的答复",
        "吉民议字〔2023〕10号",
        "民建省委会：",
        "贵单位在省政协十三届一次会议上提出的《关于加快构建居家社区机构相协调医养康养相结合的养老服务体系推动老龄产业高质量发展的建议》",
        "吉林省民政厅",
        "2023年6月14日",
        "（此件主动公开）",
        "负责人：孙立新",
        "承办人：李静",
        "联系电话：0431-88900001",
        "抄送：吉林省人民政府办公厅，吉林省财政厅，吉林省卫生健康委员会。");
    assertThat(text.indexOf("抄送：")).as("抄送 at the foot, after the contacts").isGreaterThan(text.indexOf("联系电话："));
  }

  @Test
  void theAttachmentsAreListedUnderTheBodyEachUnderTheFirstsNumberTurnedLinesUnderTheName() throws IOException {
    String text = new PDFTextStripper().getText(pdf).replaceAll("\\R", "");
    assertThat(text).contains("附件：1.吉林省社区居家养老服务设施建设情况统计表2.吉林省2023年度医养结合示范机构名单");
    assertThat(text.indexOf("附件：1.")).as("between the body and the signature")
        .isGreaterThan(text.indexOf("加强为老志愿服务的可持续性")).isLessThan(text.lastIndexOf("吉林省民政厅"));
    float pitch = 156 * MM / 28;
    Line first = lines.stream().filter(line -> line.text().startsWith("附件：1.")).findFirst().orElseThrow();
    Line second = lines.stream().filter(line -> line.text().startsWith("2.吉林省")).findFirst().orElseThrow();
    Line turned = lines.get(lines.indexOf(second) + 1);
    assertThat(first.left()).as("two characters in").isCloseTo(28 * MM + 2 * pitch, offset(1f));
    assertThat(second.left()).as("under 1.").isCloseTo(first.left() + 3 * pitch, offset(1f));
    assertThat(turned.text()).as("the name goes on, without a full stop").endsWith("安排情况");
    assertThat(turned.left()).as("under the name's first character").isCloseTo(first.glyphs().get(5).getXDirAdj(), offset(1f));
  }

  @Test
  void thePagesAreA4() {
    for (PDPage page : pdf.getPages()) {
      assertThat(page.getMediaBox().getWidth()).isCloseTo(595, offset(1f));
      assertThat(page.getMediaBox().getHeight()).isCloseTo(842, offset(1f));
    }
  }

  @Test
  void everyGlyphIsInsideTheTypeAreaExceptThePageNumbers() {
    assertThat(lines).isNotEmpty();
    for (Line line : lines) {
      if (line.isPageNumber()) {
        assertThat(line.top()).as("page number below the type area: %s", line).isGreaterThan((37 + 225) * MM);
        continue;
      }
      assertThat(line.left()).as("left margin: %s", line).isGreaterThanOrEqualTo(28 * MM - TOLERANCE);
      assertThat(line.right()).as("right edge: %s", line).isLessThanOrEqualTo((28 + 156) * MM + TOLERANCE);
      assertThat(line.top()).as("top margin: %s", line).isGreaterThanOrEqualTo(37 * MM - TOLERANCE);
      assertThat(line.bottom()).as("bottom edge: %s", line).isLessThanOrEqualTo((37 + 225) * MM + TOLERANCE);
    }
  }

  @Test
  void aPageHoldsAtMost22LinesOfAtMost28Characters() {
    Map<Integer, Integer> linesPerPage = new TreeMap<>();
    for (Line line : lines) {
      if (!line.isPageNumber()) {
        linesPerPage.merge(line.page(), 1, Integer::sum);
        assertThat(line.cells()).as("characters on %s", line).isLessThanOrEqualTo(28);
      }
    }
    assertThat(linesPerPage.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(22));
    assertThat(linesPerPage.get(1)).as("a full second page").isEqualTo(22);
  }

  @Test
  void aFullBodyLineHolds28CharactersAndFillsTheTypeArea() {
    Line full = lines.stream().filter(line -> line.text().length() == 28 && line.text().chars().allMatch(c -> c > 0x2000))
        .findFirst().orElseThrow();
    assertThat(full.left()).isCloseTo(28 * MM, offset(TOLERANCE));
    assertThat(full.right()).isCloseTo((28 + 156) * MM, offset(1f));
  }

  @Test
  void noLineStartsWithClosingPunctuation() {
    for (Line line : lines) {
      assertThat("，。、；：？！）》”").as("start of %s", line).doesNotContain(line.text().substring(0, 1));
    }
  }

  @Test
  void headingsAreSetInHeiAndTheBodyInTheBodyFace() {
    Line heading = lines.stream().filter(line -> line.text().startsWith("一、关于加强养老保险行业")).findFirst().orElseThrow();
    assertThat(heading.fontName()).contains("WenQuanYi");
    Line address = lines.stream().filter(line -> line.text().startsWith("民建省委会")).findFirst().orElseThrow();
    assertThat(address.fontName()).contains("UMing");
  }

  @Test
  void theMarkIsAtTheTopRightOfTheFirstPage() {
    Line mark = lines.get(0);
    assertThat(mark.text()).isEqualTo("B");
    assertThat(mark.page()).isZero();
    assertThat(mark.right()).isCloseTo((28 + 156) * MM, offset(1f));
  }

  @Test
  void theUnitAndDateStandAtTheRightAndThePagesAreNumbered() {
    Line unit = lines.stream().filter(line -> line.text().equals("吉林省民政厅")).findFirst().orElseThrow();
    Line date = lines.stream().filter(line -> line.text().equals("2023年6月14日")).findFirst().orElseThrow();
    float twoCharacters = 2 * 156 * MM / 28;
    assertThat(date.right()).isCloseTo((28 + 156) * MM - twoCharacters, offset(1f));
    assertThat(date.left() - unit.left()).isCloseTo(twoCharacters, offset(1f));
    assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
    for (int page = 0; page < pdf.getNumberOfPages(); page++) {
      int number = page + 1;
      assertThat(lines).anySatisfy(line -> {
        assertThat(line.text()).isEqualTo("— " + number + " —");
        assertThat(line.page()).isEqualTo(number - 1);
      });
    }
  }

  @Test
  void everyFontIsEmbeddedAsASubset() throws IOException {
    int fonts = 0;
    for (PDPage page : pdf.getPages()) {
      for (COSName name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
        assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
        fonts++;
      }
    }
    assertThat(fonts).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aMissingFontNamesTheFileAndThePackage() {
    LetterFontProperties noKai = new LetterFontProperties(null, null, null,
        new LetterFontProperties.FontFile("/nonexistent/ukai.ttc", "UKaiCN", null), null, null);
    assertThatThrownBy(() -> new ReplyLetters(new LetterFontFiles(noKai)).render(d13()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/ukai.ttc")
        .hasMessageContaining("fonts-arphic-ukai")
        .hasMessageContaining("proposals.letter.fonts.kai.file");
  }

  @Test
  void secondLevelHeadingsAreSetInKaiUpToTheirFirstFullStop() throws IOException {
    String reply = seed("seeds/demo/replies/0044.txt");
    int firstLineEnd = reply.indexOf('\n');
    ReplyLetter letter = new ReplyLetter("对省十四届人大一次会议第0044号代表建议的答复", "吉民议字〔2023〕2号",
        reply.substring(0, firstLineEnd), reply.substring(firstLineEnd + 1), "吉林省民政厅",
        LocalDate.of(2023, 6, 5), "A", "此件主动公开", "孙立新", "李静", "0431-88900001", List.of(), List.of());
    byte[] bytes = new ReplyLetters(new LetterFontFiles(LetterFontProperties.defaults())).render(letter);
    Files.write(Path.of("target", "letters", "0044.pdf"), bytes);
    try (PDDocument document = Loader.loadPDF(bytes)) {
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
          Path.of("target", "letters", "0044-page1.png").toFile());
      List<TextPosition> glyphs = new LineCollector().lines(document).stream()
          .filter(line -> line.text().startsWith("（一）持续加大养老服务设施供给力度。"))
          .findFirst().orElseThrow().glyphs();
      String heading = "（一）持续加大养老服务设施供给力度。";
      assertThat(glyphs.subList(0, heading.length())).allSatisfy(glyph -> assertThat(glyph.getFont().getName()).contains("UKai"));
      assertThat(glyphs.subList(heading.length(), glyphs.size())).allSatisfy(glyph -> assertThat(glyph.getFont().getName()).contains("UMing"));
    }
  }

  @Test
  void aLetterLacksNothingItMustShow() {
    assertThatThrownBy(() -> new ReplyLetter("对第D13号提案的答复", null, "民建省委会", "正文", "吉林省民政厅", null,
        null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("答复函缺少成文日期。");
    assertThatThrownBy(() -> new ReplyLetter(" ", null, "民建省委会", "正文", "吉林省民政厅", LocalDate.of(2023, 6, 14),
        null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("答复函缺少标题。");
  }

  @Test
  void aCharacterNoFontHasIsRefusedByName() {
    // HanaMin A has a glyph for 😀, but the fallback files draw Han characters only.
    ReplyLetter letter = new ReplyLetter("对第D13号提案的答复", null, "𠮷田先生", "正文😀。", "吉林省民政厅",
        LocalDate.of(2023, 6, 14), null, null, null, null, null, null, null);
    assertThatThrownBy(() -> new ReplyLetters(new LetterFontFiles(LetterFontProperties.defaults())).render(letter))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("字符“😀”（U+1F600）在公文字体中都没有，答复函无法排版。");
  }

  /** A line of text as PDFBox reads it back: its glyphs on one baseline of one page. */
  record Line(int page, List<TextPosition> glyphs) {

    String text() {
      StringBuilder text = new StringBuilder();
      glyphs.forEach(glyph -> text.append(glyph.getUnicode()));
      return text.toString();
    }

    float left() {
      return glyphs.get(0).getXDirAdj();
    }

    float right() {
      TextPosition last = glyphs.get(glyphs.size() - 1);
      return last.getXDirAdj() + last.getWidthDirAdj();
    }

    float top() {
      return (float) glyphs.stream().mapToDouble(glyph -> glyph.getYDirAdj() - glyph.getHeightDir()).min().orElseThrow();
    }

    float bottom() {
      return glyphs.get(0).getYDirAdj();
    }

    /** Characters counted in full-width cells: a Latin letter or digit takes half of one. */
    double cells() {
      return text().codePoints().mapToDouble(c -> c < 0x80 ? 0.5 : 1).sum();
    }

    boolean isPageNumber() {
      return text().matches("— \\d+ —");
    }

    String fontName() {
      return glyphs.get(0).getFont().getName();
    }

    @Override
    public String toString() {
      return "page " + (page + 1) + " \"" + text() + "\"";
    }
  }

  /** Collects the glyphs PDFBox reads, line by line in the order they are drawn. */
  static class LineCollector extends PDFTextStripper {

    private final List<Line> lines = new ArrayList<>();

    LineCollector() throws IOException {
    }

    List<Line> lines(PDDocument document) throws IOException {
      getText(document);
      return lines;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      int page = getCurrentPageNo() - 1;
      Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
      if (last != null && last.page() == page
          && Math.abs(last.glyphs().get(0).getYDirAdj() - text.getYDirAdj()) < 1) {
        last.glyphs().add(text);
      } else {
        List<TextPosition> glyphs = new ArrayList<>();
        glyphs.add(text);
        lines.add(new Line(page, glyphs));
      }
    }
  }
}
