package org.proposalhandling.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Service;

/**
 * Renders printed forms (办理单, 征询意见表) as one-page A4 PDFs with the reply letters' fonts, fallback for
 * rare characters included, embedded as subsets.
 */
@Service
public class PrintedForms {

  /** What a cut text ends with: the rest is on the item's page. */
  public static final String CUT = FormLayout.CUT;

  private final LetterFontFiles fonts;

  PrintedForms(LetterFontFiles fonts) {
    this.fonts = fonts;
  }

  /**
   * The form as a PDF of one page.
   *
   * @throws IllegalStateException when a font file is missing or unusable
   * @throws IllegalArgumentException when the text has a character no font draws
   */
  public byte[] render(PrintedForm form) {
    try (PDDocument document = new PDDocument()) {
      LetterFonts letterFonts = LetterFonts.open(document, fonts);
      new LetterPdf(document, letterFonts).draw(new FormLayout(letterFonts).lay(form));
      PDDocumentInformation information = document.getDocumentInformation();
      information.setTitle(form.title());
      information.setCreator("建议提案办理系统");
      information.setCreationDate(Calendar.getInstance());
      document.getDocumentCatalog().setLanguage("zh-CN");
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      document.save(pdf);
      return pdf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(form.title() + " PDF 生成失败：" + e.getMessage(), e);
    }
  }
}
