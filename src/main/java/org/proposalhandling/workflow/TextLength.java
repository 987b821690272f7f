package org.proposalhandling.workflow;

/**
 * The length of a text as people count it: in characters (Unicode code points), not in Java's UTF-16 units,
 * in which a rare character of a name (𠮷, 䶮's neighbours in CJK extensions B to F, GB 18030 level 2) counts
 * twice. Every length limit of the app's forms and pages is checked here, so that 300 × 𠮷 is 300 characters
 * everywhere, as MariaDB's and MySQL's utf8mb4 columns count.
 */
public final class TextLength {

  private TextLength() {}

  /** How many characters the text has. */
  public static int of(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }

  /** The text, or a refusal naming the field when it has more than {@code maxLength} characters. */
  public static String atMost(String text, String label, int maxLength) {
    if (text != null && of(text) > maxLength) {
      throw new FormValidationException("「" + label + "」不能超过 " + maxLength + " 个字（现有 " + of(text) + " 个字）。");
    }
    return text;
  }

  /** The first {@code maxLength} characters of the text, never half of a character. */
  public static String cut(String text, int maxLength) {
    return of(text) <= maxLength ? text : text.substring(0, text.offsetByCodePoints(0, maxLength));
  }

  /**
   * The text, or its first characters followed by 「…」, within {@code maxUnits} UTF-16 units: for a stored
   * summary the app cuts itself, whose column holds that many characters: within it on any database.
   * Never half of a character: 𠮷 at the cut goes whole or not at all.
   */
  public static String abbreviateToUnits(String text, int maxUnits) {
    if (text.length() <= maxUnits) {
      return text;
    }
    int end = maxUnits - 1;
    return text.substring(0, Character.isLowSurrogate(text.charAt(end)) ? end - 1 : end) + "…";
  }

  /** The text, or its first characters followed by 「…」, {@code maxLength} characters in all. */
  public static String abbreviate(String text, int maxLength) {
    return of(text) <= maxLength ? text : cut(text, maxLength - 1) + "…";
  }
}
