package org.proposalhandling.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Renders reply letters as PDF in the layout of GB/T 9704-2012, with the fonts of proposals.letter.fonts
 * embedded as subsets, so that the letter reads the same everywhere and its text can be searched.
 */
@Service
@EnableConfigurationProperties(LetterFontProperties.class)
public class ReplyLetters {

  /** How many recently rendered letters are kept. */
  private static final int RECENT = 16;

  private final LetterFontFiles fonts;
  /**
   * The last letters rendered, by their content: a delivery sends one letter in three or four mails (the
   * proposer's, the office's copy, each co-handling unit's), each rendering it when it is sent, within
   * seconds of each other; laying out and subsetting the CJK fonts is the costliest step of a delivery.
   */
  private final Map<ReplyLetter, byte[]> recent = Collections.synchronizedMap(new LinkedHashMap<>(RECENT, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<ReplyLetter, byte[]> eldest) {
      return size() > RECENT;
    }
  });

  ReplyLetters(LetterFontFiles fonts) {
    this.fonts = fonts;
  }

  /**
   * The letter as a PDF document.
   *
   * @throws IllegalStateException when a font file is missing or unusable (the message names it and the
   *     Debian package that provides it)
   * @throws IllegalArgumentException when the text has a character no font draws
   */
  public byte[] render(ReplyLetter letter) {
    byte[] pdf = recent.get(letter);
    if (pdf == null) {
      pdf = renderNew(letter);
      recent.put(letter, pdf);
    }
    return pdf.clone();
  }

  /**
   * The refusal of {@code text} where a letter could not print it, naming {@code where} it is (「答复正文」),
   * its first character no font has and that character's code point; empty when every character prints.
   */
  public Optional<String> unprintable(String text, String where) {
    try (PDDocument scratch = new PDDocument()) {
      LetterFonts letterFonts = LetterFonts.open(scratch, fonts);
      OptionalInt missing = text.codePoints().filter(codePoint -> letterFonts.find(Face.BODY, codePoint).isEmpty()).findFirst();
      return missing.isEmpty() ? Optional.empty()
          : Optional.of(where + "中的" + LetterFonts.unprintable(missing.getAsInt()) + "请删去或改写这个字符。");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] renderNew(ReplyLetter letter) {
    try (PDDocument document = new PDDocument()) {
      LetterFonts letterFonts = LetterFonts.open(document, fonts);
      new LetterPdf(document, letterFonts).draw(new LetterLayout(letterFonts).lay(letter));
      describe(document, letter);
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      document.save(pdf);
      return pdf.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("答复函 PDF 生成失败：" + e.getMessage(), e);
    }
  }

  private static void describe(PDDocument document, ReplyLetter letter) {
    PDDocumentInformation information = document.getDocumentInformation();
    information.setTitle(letter.title());
    information.setAuthor(letter.issuingUnit());
    if (letter.documentNumber() != null) {
      information.setSubject(letter.documentNumber());
    }
    information.setCreator("建议提案办理系统");
    information.setCreationDate(Calendar.getInstance());
    document.getDocumentCatalog().setLanguage("zh-CN");
  }
}
