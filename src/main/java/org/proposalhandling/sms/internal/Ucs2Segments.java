package org.proposalhandling.sms.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text in UCS2 (UTF-16BE, the SMS alphabet for Chinese), as one SMS of up to 70 characters or, longer, as
 * concatenated segments of up to 67 characters each behind a 6-byte user data header (IEI 00: an 8-bit reference
 * shared by the segments, their count and each one's number), which phones join again. A character outside the
 * basic plane (𠮷) is never cut between two segments.
 */
public final class Ucs2Segments {

  static final int SINGLE = 70;
  static final int PER_SEGMENT = 67;
  static final int MAX_SEGMENTS = 255;

  private Ucs2Segments() {
  }

  /** The short_message bytes of each segment; reference ties the segments of one text together. */
  public static List<byte[]> of(String text, int reference) {
    if (text.length() <= SINGLE) {
      return List.of(text.getBytes(StandardCharsets.UTF_16BE));
    }
    List<String> parts = new ArrayList<>();
    for (int start = 0; start < text.length(); ) {
      int end = Math.min(text.length(), start + PER_SEGMENT);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      parts.add(text.substring(start, end));
      start = end;
    }
    if (parts.size() > MAX_SEGMENTS) {
      throw new IllegalArgumentException("短信过长：" + text.length() + " 个字符，超过 " + MAX_SEGMENTS + " 条的拼接上限");
    }
    List<byte[]> segments = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      byte[] body = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
      byte[] segment = new byte[6 + body.length];
      segment[0] = 5;  // header length
      segment[1] = 0;  // IEI: concatenated short message, 8-bit reference
      segment[2] = 3;  // IE length
      segment[3] = (byte) reference;
      segment[4] = (byte) parts.size();
      segment[5] = (byte) (i + 1);
      System.arraycopy(body, 0, segment, 6, body.length);
      segments.add(segment);
    }
    return segments;
  }

  /** The text of a short_message, its user data header (if it has one) left out: for the catchers that show texts. */
  public static String text(byte[] shortMessage, boolean hasHeader) {
    int offset = hasHeader ? (shortMessage[0] & 0xff) + 1 : 0;
    return new String(shortMessage, offset, shortMessage.length - offset, StandardCharsets.UTF_16BE);
  }
}
