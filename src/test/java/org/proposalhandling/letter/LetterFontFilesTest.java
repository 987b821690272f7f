package org.proposalhandling.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.proposalhandling.support.ModelLayer;

/**
 * The font files are parsed once for all letters (issue #20: parsing them per letter exhausted a 512 MB heap
 * when mails with letters attached went out at once), and letters rendered at once from them are whole.
 */
@ModelLayer
class LetterFontFilesTest {

  private final LetterFontFiles files = new LetterFontFiles(LetterFontProperties.defaults());
  private final ReplyLetters letters = new ReplyLetters(files);

  @Test
  void aFontFileIsParsedOnceForEveryLetter() throws IOException {
    letters.render(ReplyLettersTest.d13());
    LetterFontFiles.Parsed body = files.font(Face.BODY, files.properties().body());
    letters.render(ReplyLettersTest.d13());
    assertThat(files.font(Face.BODY, files.properties().body())).isSameAs(body);
    assertThat(files.font(Face.SONG, files.properties().song())).as("the same file and font as 仿宋").isSameAs(body);
  }

  @Test
  void lettersRenderedAtOnceFromTheSameFontsAreWhole() throws Exception {
    String alone = text(letters.render(ReplyLettersTest.d13()));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> rendered = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<byte[]> render = () -> letters.render(ReplyLettersTest.d13());
        rendered.add(threads.submit(render));
      }
      for (Future<byte[]> pdf : rendered) {
        assertThat(text(pdf.get())).isEqualTo(alone);
      }
    } finally {
      threads.shutdownNow();
      files.close();
    }
  }

  private static String text(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
