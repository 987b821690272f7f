package org.proposalhandling.intakeimport;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The encoding of a CSV file, read from its bytes rather than assumed from a setting: Excel saves "CSV UTF-8"
 * with a byte-order mark, other tools UTF-8 without one, and Chinese Windows' plain "CSV" is GBK. A byte-order
 * mark means UTF-8; else bytes that decode as UTF-8 without a fault are UTF-8; else GBK, if they decode as
 * GBK. A file that is almost all UTF-8 but has a broken sequence is reported as a broken UTF-8 file at its
 * row, not read as GBK (which would turn every character into another).
 */
final class TextEncoding {

  static final Charset GBK = Charset.forName("GBK");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TextEncoding() {
  }

  static String decode(byte[] bytes) {
    if (bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), BOM)) {
      byte[] rest = Arrays.copyOfRange(bytes, 3, bytes.length);
      int fault = firstFault(StandardCharsets.UTF_8, rest);
      if (fault >= 0) {
        throw brokenUtf8(rest, fault);
      }
      return new String(rest, StandardCharsets.UTF_8);
    }
    int utf8Fault = firstFault(StandardCharsets.UTF_8, bytes);
    if (utf8Fault < 0) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (mostlyUtf8(bytes)) {
      throw brokenUtf8(bytes, utf8Fault);
    }
    int gbkFault = firstFault(GBK, bytes);
    if (gbkFault < 0) {
      return new String(bytes, GBK);
    }
    throw new ImportRejectedException(new ImportError(rowOf(bytes, gbkFault), null,
        "文件编码无法识别：既不是 UTF-8，也不是 GBK（请用 Excel 或 WPS 另存为“CSV UTF-8”后重试）。"));
  }

  private static ImportRejectedException brokenUtf8(byte[] bytes, int fault) {
    return new ImportRejectedException(new ImportError(rowOf(bytes, fault), null,
        "文件是 UTF-8 编码，但此行含有无效的字节，编码已损坏（请检查此行的文字，或重新导出文件）。"));
  }

  /** The offset of the first byte that does not decode in this charset, or -1 when all of them do. */
  static int firstFault(Charset charset, byte[] bytes) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : decoder.flush(out);
      if (result.isError()) {
        return in.position();
      }
      if (result.isOverflow()) {
        out.clear();
      } else if (!in.hasRemaining()) {
        return decoder.flush(out).isError() ? in.position() : -1;
      }
    }
  }

  /**
   * Whether most of the non-ASCII byte sequences are well-formed UTF-8. GBK text is not: its first bytes are
   * mostly UTF-8 continuation bytes, and a pair forms a UTF-8 sequence only by chance (about one in seven).
   */
  private static boolean mostlyUtf8(byte[] bytes) {
    int valid = 0;
    int invalid = 0;
    for (int i = 0; i < bytes.length; ) {
      int lead = bytes[i] & 0xFF;
      int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
          : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
      if (length == 1) {
        i++;
        continue;
      }
      boolean wellFormed = length > 0 && i + length <= bytes.length;
      for (int k = 1; wellFormed && k < length; k++) {
        wellFormed = (bytes[i + k] & 0xC0) == 0x80;
      }
      if (wellFormed) {
        valid++;
        i += length;
      } else {
        invalid++;
        i++;
      }
    }
    return valid >= 4 * invalid;
  }

  /** The row (line) a byte offset falls in: a newline byte is never part of a UTF-8 or GBK character. */
  private static int rowOf(byte[] bytes, int offset) {
    int row = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        row++;
      }
    }
    return row;
  }
}
