package org.proposalhandling.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile the app refuses to start with a weak administrator password, before anything is
 * created with it: at least 12 characters, not a well-known password, not such a word with digits or signs
 * appended ("password2024!"), not the user name, not a short piece repeated ("aaaaaaaaaaaa", the user name
 * "admin" as "adminadminadmin"): a guesser tries the piece, not the whole. Registered in
 * META-INF/spring.factories.
 */
class AdminPasswordCheck implements EnvironmentPostProcessor {

  private static final int MINIMUM_LENGTH = 12;

  /** The stems of the passwords that lists of leaked passwords start with, and this stack's defaults. */
  private static final Set<String> WELL_KNOWN = Set.of("", "demo", "admin", "administrator", "camunda", "password",
      "passw0rd", "p@ssw0rd", "changeme", "secret", "root", "qwerty", "qwertyuiop", "asdfghjkl", "abc", "abcdef",
      "letmein", "welcome", "iloveyou", "monkey", "dragon", "football", "sunshine", "master", "default", "test",
      "woaini", "qwe", "asd", "zxcvbnm", "1q2w3e4r", "1qaz2wsx", "qazwsx");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      return;
    }
    String user = environment.getProperty("camunda.bpm.admin-user.id", "");
    String password = environment.getProperty("camunda.bpm.admin-user.password", "");
    String weakness = weakness(user, password);
    if (weakness != null) {
      throw new IllegalStateException("拒绝启动：管理员（" + user + "）的密码" + weakness + "。请用环境变量 ADMIN_PASSWORD"
          + " 设置至少 " + MINIMUM_LENGTH + " 个字符、不是常见密码的强密码（ADMIN_USER 为管理员账号，默认 admin），见 README。");
    }
  }

  /** Why the password is too weak, in Chinese, or null when it is strong enough. */
  private static String weakness(String user, String password) {
    if (password.isBlank()) {
      return "为空";
    }
    if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
      return "只有 " + password.codePointCount(0, password.length()) + " 个字符，少于 " + MINIMUM_LENGTH + " 个";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String account = user.toLowerCase(Locale.ROOT);
    // A well-known word or the account name with digits or signs appended is as easy to guess as the word.
    String stem = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
    if (lower.chars().distinct().count() == 1) {
      return "由同一个字符重复组成";
    }
    String piece = repeatedPiece(stem).orElse(stem);
    if (lower.equals(account) || stem.equals(account) || piece.equals(account)) {
      return "与账号相同（或只是账号重复、账号后加数字、符号）";
    }
    if (WELL_KNOWN.contains(stem) || WELL_KNOWN.contains(piece)) {
      return "是常见密码（常见单词重复或后加数字、符号，或只有数字、符号）";
    }
    if (Stream.of(stem, lower).map(AdminPasswordCheck::repeatedPiece).flatMap(Optional::stream)
        .anyMatch(repeated -> repeated.codePointCount(0, repeated.length()) < MINIMUM_LENGTH)) {
      return "由一段不足 " + MINIMUM_LENGTH + " 个字符的内容重复组成";
    }
    return null;
  }

  /** The shortest piece that the text is made of when it is one repeated whole ("admin" in "adminadminadmin"). */
  private static Optional<String> repeatedPiece(String text) {
    for (int length = 1; length <= text.length() / 2; length++) {
      if (text.length() % length == 0 && text.equals(text.substring(0, length).repeat(text.length() / length))) {
        return Optional.of(text.substring(0, length));
      }
    }
    return Optional.empty();
  }
}
