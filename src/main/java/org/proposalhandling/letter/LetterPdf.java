package org.proposalhandling.letter;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/** Draws laid-out lines onto A4 pages, one text object per stretch of glyphs in one font. */
final class LetterPdf {

  /** Stroke width, as a share of the type size, that thickens a light 明体 towards 小标宋. */
  private static final float THICKENING = 0.025f;

  private final PDDocument document;
  private final LetterFonts fonts;

  LetterPdf(PDDocument document, LetterFonts fonts) {
    this.document = document;
    this.fonts = fonts;
  }

  void draw(LaidOutLetter letter) throws IOException {
    fonts.embedFor(letter);
    for (int page = 0; page < letter.pages(); page++) {
      PDPage pdPage = new PDPage(TypeArea.PAGE);
      document.addPage(pdPage);
      try (PDPageContentStream content = new PDPageContentStream(document, pdPage)) {
        for (PlacedLine line : letter.lines()) {
          if (line.page() == page) {
            draw(line, content);
          }
        }
      }
    }
  }

  private void draw(PlacedLine line, PDPageContentStream content) throws IOException {
    float x = line.x();
    float y = TypeArea.PAGE.getHeight() - line.baseline();
    List<Glyph> glyphs = line.glyphs();
    int start = 0;
    while (start < glyphs.size()) {
      DrawingFont font = glyphs.get(start).font();
      float size = glyphs.get(start).style().size;
      StringBuilder text = new StringBuilder();
      float width = 0;
      int end = start;
      while (end < glyphs.size() && glyphs.get(end).font().equals(font)) {
        text.appendCodePoint(glyphs.get(end).codePoint());
        width += glyphs.get(end).advance() + line.characterSpacing();
        end++;
      }
      content.beginText();
      content.setFont(fonts.embedded(font), size);
      content.setCharacterSpacing(line.characterSpacing());
      if (font.thickened()) {
        content.setRenderingMode(RenderingMode.FILL_STROKE);
        content.setLineWidth(THICKENING * size);
      } else {
        content.setRenderingMode(RenderingMode.FILL);
      }
      content.newLineAtOffset(x, y);
      content.showText(text.toString());
      content.endText();
      x += width;
      start = end;
    }
  }
}
