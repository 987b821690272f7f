package org.proposalhandling.points;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number that opens a point or a section: 一、 （一） 1. 1、 (1) 第一条 ① 一是. It counts only at the start of
 * the text, after a space or a line's break or a clause's end (：；。), so that 2023年 or 增长23.5% never open a
 * point.
 */
record Marker(Style style, int ordinal, int start, int textStart) {

  enum Style { HAN_COMMA, HAN_PAREN, ARABIC, ARABIC_PAREN, ORDINAL, CIRCLED, HAN_IS }

  private static final String HAN = "([一二三四五六七八九十]{1,3})";
  private static final Pattern MARKER = Pattern.compile(
      "(?:^|(?<=[\\s\u3000：:；;。！？!?]))[\\s\u3000]*(?:"
          + HAN + "[、．]"
          + "|[（(]" + HAN + "[）)]"
          + "|(\\d{1,2})(?:[、．]|\\.(?!\\d))"
          + "|[（(](\\d{1,2})[）)]"
          + "|第" + HAN + "[条点项][，,：:、]?"
          + "|([①-⑳])"
          + "|" + HAN + "是(?![否不])"
          + ")");

  static List<Marker> in(String text) {
    List<Marker> markers = new ArrayList<>();
    Matcher matcher = MARKER.matcher(text);
    while (matcher.find()) {
      Style style = Style.values()[firstGroup(matcher) - 1];
      String number = matcher.group(style.ordinal() + 1);
      int ordinal = switch (style) {
        case ARABIC, ARABIC_PAREN -> Integer.parseInt(number);
        case CIRCLED -> number.charAt(0) - '①' + 1;
        default -> Numerals.parse(number);
      };
      if (ordinal > 0) {
        markers.add(new Marker(style, ordinal, matcher.start(style.ordinal() + 1) - prefixLength(style),
            matcher.end()));
      }
    }
    return markers;
  }

  private static int firstGroup(Matcher matcher) {
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.group(group) != null) {
        return group;
      }
    }
    throw new IllegalStateException("a marker without its number");
  }

  /** The characters before the number that belong to the marker: （ or 第. */
  private static int prefixLength(Style style) {
    return switch (style) {
      case HAN_PAREN, ARABIC_PAREN, ORDINAL -> 1;
      default -> 0;
    };
  }
}
