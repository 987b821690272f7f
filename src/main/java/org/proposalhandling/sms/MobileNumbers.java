package org.proposalhandling.sms;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China mobile numbers: 11 digits starting 13–19, written with or without +86 / 0086 / 86, spaces or
 * hyphens; stored as the 11 digits, and in a log only masked (138****0000), as a number is personal data.
 */
public final class MobileNumbers {

  private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
  private static final Pattern COUNTRY_CODE = Pattern.compile("^(\\+86|0086|86)(?=1\\d{10}$)");

  private MobileNumbers() {
  }

  /** The 11 digits of a mainland mobile number, or empty when the text is none. */
  public static Optional<String> normalise(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String digits = COUNTRY_CODE.matcher(SEPARATORS.matcher(text.strip()).replaceAll("")).replaceFirst("");
    return MAINLAND_MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
  }

  /** The normalised number, or a Chinese message naming what was given. */
  public static String require(String text) {
    return normalise(text).orElseThrow(() -> new IllegalArgumentException(
        "「" + text + "」不是有效的手机号码：应为 11 位中国大陆手机号，可带 +86。"));
  }

  /** The number with its middle four digits hidden, for logs and pages that need not show it whole. */
  public static String mask(String number) {
    if (number == null || number.length() < 11) {
      return "***";
    }
    return number.substring(0, number.length() - 8) + "****" + number.substring(number.length() - 4);
  }
}
