package org.proposalhandling.consultation.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A simple question against robots on the public comment form: the sum of two small numbers, written in
 * Chinese numerals so that a script must read the page to answer. The expected answer travels with the
 * form, signed with a key of this app's run and with an expiry, so no state is kept per visitor; a restart
 * only makes the open forms ask again. It stops scripts that post blindly, not a determined human: the rate
 * limit and moderation do the rest.
 */
@Component
class RobotChallenge {

  private static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  private static final Duration VALID_FOR = Duration.ofHours(2);

  /** The question to show and the signed token the form posts back. */
  record Question(String text, String token) {
  }

  private final SecureRandom random = new SecureRandom();
  private final byte[] key = new byte[32];

  RobotChallenge() {
    random.nextBytes(key);
  }

  Question ask(String consultationId) {
    int first = 1 + random.nextInt(9);
    int second = 1 + random.nextInt(9);
    long expires = Instant.now().plus(VALID_FOR).getEpochSecond();
    String text = NUMERALS[first] + "加" + NUMERALS[second] + "等于几？（请填阿拉伯数字）";
    return new Question(text, expires + "." + sign(consultationId, first + second, expires));
  }

  /** Whether the answer is the one the token expects, for this consultation, before the token expired. */
  boolean passes(String consultationId, String token, String answer) {
    if (token == null || answer == null || !token.matches("\\d+\\.[A-Za-z0-9_-]+") || !answer.strip().matches("\\d{1,2}")) {
      return false;
    }
    long expires = Long.parseLong(token.substring(0, token.indexOf('.')));
    if (Instant.now().getEpochSecond() > expires) {
      return false;
    }
    String expected = sign(consultationId, Integer.parseInt(answer.strip()), expires);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(String consultationId, int answer, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature = mac.doFinal((consultationId + "|" + answer + "|" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
