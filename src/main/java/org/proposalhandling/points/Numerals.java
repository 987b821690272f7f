package org.proposalhandling.points;

/** The Chinese numerals of points and references, 一 to 九十九. */
final class Numerals {

  private static final String DIGITS = "零一二三四五六七八九";

  private Numerals() {}

  /** 一 → 1, 十二 → 12, 二十 → 20; 0 when the text is no numeral of 1 to 99. */
  static int parse(String numeral) {
    int ten = numeral.indexOf('十');
    if (ten < 0) {
      return numeral.length() == 1 ? Math.max(DIGITS.indexOf(numeral.charAt(0)), 0) : 0;
    }
    int tens = ten == 0 ? 1 : digit(numeral.substring(0, ten));
    int units = ten == numeral.length() - 1 ? 0 : digit(numeral.substring(ten + 1));
    return tens < 1 || units < 0 ? 0 : tens * 10 + units;
  }

  /** 1 → 一, 12 → 十二, 20 → 二十. */
  static String of(int number) {
    if (number < 10) {
      return String.valueOf(DIGITS.charAt(number));
    }
    String tens = number / 10 == 1 ? "" : String.valueOf(DIGITS.charAt(number / 10));
    return tens + "十" + (number % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(number % 10)));
  }

  private static int digit(String text) {
    return text.length() == 1 && DIGITS.indexOf(text.charAt(0)) > 0 ? DIGITS.indexOf(text.charAt(0)) : -1;
  }
}
