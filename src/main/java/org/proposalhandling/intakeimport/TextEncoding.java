package org.proposalhandling.intakeimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The encoding of a CSV file, read from its bytes rather than assumed from a setting: Excel saves "CSV UTF-8"
 * with a byte-order mark, other tools UTF-8 without one, and Chinese Windows' plain "CSV" is GBK. A byte-order
 * mark means UTF-8; else bytes that decode as UTF-8 without a fault are UTF-8; else GBK, if they decode as
 * GBK. A file that is almost all UTF-8 but has a broken sequence is reported as a broken UTF-8 file at its
 * row, not read as GBK (which would turn every character into another). The file is read as a stream, a
 * pass per question, never whole into memory.
 */
final class TextEncoding {

  static final Charset GBK = Charset.forName("GBK");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final int CHUNK = 64 * 1024;

  /** The file's text: this charset, from this byte on (after a byte-order mark). */
  record Encoding(Charset charset, int start) {
  }

  private TextEncoding() {
  }

  static Encoding of(Path file) {
    if (startsWithBom(file)) {
      long fault = firstFault(StandardCharsets.UTF_8, file, BOM.length);
      if (fault >= 0) {
        throw brokenUtf8(file, fault);
      }
      return new Encoding(StandardCharsets.UTF_8, BOM.length);
    }
    long utf8Fault = firstFault(StandardCharsets.UTF_8, file, 0);
    if (utf8Fault < 0) {
      return new Encoding(StandardCharsets.UTF_8, 0);
    }
    if (mostlyUtf8(file)) {
      throw brokenUtf8(file, utf8Fault);
    }
    long gbkFault = firstFault(GBK, file, 0);
    if (gbkFault < 0) {
      return new Encoding(GBK, 0);
    }
    throw new ImportRejectedException(new ImportError(rowOf(file, gbkFault), null,
        "文件编码无法识别：既不是 UTF-8，也不是 GBK（请用 Excel 或 WPS 另存为“CSV UTF-8”后重试）。"));
  }

  private static ImportRejectedException brokenUtf8(Path file, long fault) {
    return new ImportRejectedException(new ImportError(rowOf(file, fault), null,
        "文件是 UTF-8 编码，但此行含有无效的字节，编码已损坏（请检查此行的文字，或重新导出文件）。"));
  }

  private static boolean startsWithBom(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(BOM.length), BOM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The offset of the first byte from {@code start} on that does not decode in this charset, or -1 when all do. */
  static long firstFault(Charset charset, Path file, long start) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(CHUNK);
    CharBuffer out = CharBuffer.allocate(CHUNK);
    long consumed = start;
    try (InputStream stream = Files.newInputStream(file)) {
      stream.skipNBytes(start);
      while (true) {
        int read = stream.read(in.array(), in.position(), in.remaining());
        boolean end = read < 0;
        in.position(in.position() + Math.max(read, 0));
        in.flip();
        CoderResult result;
        do {
          out.clear();
          result = decoder.decode(in, out, end);
        } while (result.isOverflow());
        if (result.isError()) {
          return consumed + in.position();
        }
        consumed += in.position();
        in.compact();
        if (end) {
          out.clear();
          return decoder.flush(out).isError() ? consumed : -1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether most of the non-ASCII byte sequences are well-formed UTF-8. GBK text is not: its first bytes are
   * mostly UTF-8 continuation bytes, and a pair forms a UTF-8 sequence only by chance (about one in seven).
   */
  private static boolean mostlyUtf8(Path file) {
    long valid = 0;
    long invalid = 0;
    int remaining = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
      for (int next = in.read(); next >= 0; next = in.read()) {
        if (remaining > 0) {
          if ((next & 0xC0) == 0x80) {
            if (--remaining == 0) {
              valid++;
            }
            continue;
          }
          invalid++;
          remaining = 0;
        }
        int length = next < 0x80 ? 1 : next >= 0xC2 && next <= 0xDF ? 2 : next >= 0xE0 && next <= 0xEF ? 3
            : next >= 0xF0 && next <= 0xF4 ? 4 : 0;
        if (length == 0) {
          invalid++;
        } else {
          remaining = length - 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return valid >= 4 * (invalid + (remaining > 0 ? 1 : 0));
  }

  /** The row (line) a byte offset falls in: a newline byte is never part of a UTF-8 or GBK character. */
  private static int rowOf(Path file, long offset) {
    int row = 1;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
      for (long i = 0; i < offset; i++) {
        int next = in.read();
        if (next < 0) {
          break;
        }
        if (next == '\n') {
          row++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return row;
  }
}
