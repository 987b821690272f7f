package org.proposalhandling.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A caught mail's or text's words cut at its links, so that the demo's pages make the links clickable. */
final class TextPieces {

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  /** A piece of a text: plain text, or a link. */
  record Piece(String text, boolean link) {
  }

  private TextPieces() {
  }

  static List<Piece> of(String text) {
    List<Piece> pieces = new ArrayList<>();
    if (text == null) {
      return pieces;
    }
    Matcher matcher = LINK.matcher(text);
    int start = 0;
    while (matcher.find()) {
      pieces.add(new Piece(text.substring(start, matcher.start()), false));
      pieces.add(new Piece(matcher.group(), true));
      start = matcher.end();
    }
    pieces.add(new Piece(text.substring(start), false));
    return pieces;
  }
}
