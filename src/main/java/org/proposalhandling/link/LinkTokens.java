package org.proposalhandling.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tokens in mail links, for any process: bound to one purpose, subject (the process's business key),
 * activity (the user task the link completes) and holder, and used at most once. A newer batch for the same
 * subject and purpose supersedes the older tokens. A token has no lifetime of its own: it lives as long as
 * the task it completes is open, which {@link LinkedTasks} checks. A fixed lifetime either ends a link
 * before its step (7 days against a feedback period of 20 working days and its grace) or, set
 * longer than every step, is never reached. Opening a link only reads its token; {@link #consume} is for the
 * POST that acts.
 *
 * <p>No usable token is ever stored. A token is the HMAC of its row's random id under the app's secret
 * (proposals.links.secret); the row keeps only the token's SHA-256 hash. A stored mail holds a placeholder
 * in its place, which {@link #render} turns into the token when the mail is sent, as often as it is resent.
 * Reading the database alone therefore gives no working link.
 */
@Service
@EnableConfigurationProperties(LinkTokens.Settings.class)
public class LinkTokens {

  /**
   * proposals.links.
   *
   * @param secret the secret link tokens are derived from when a mail is sent (never stored): at least 32 random
   *     characters, e.g. {@code openssl rand -base64 48}; application.yaml reads it from LINK_SECRET. Required
   *     outside the demo profile
   */
  @ConfigurationProperties("proposals.links")
  record Settings(String secret) {
    Settings {
      if (secret == null || secret.length() < 32) {
        throw new IllegalStateException("拒绝启动：邮件链接密钥 proposals.links.secret（环境变量 LINK_SECRET）未设置或少于 32 个字符。"
            + "请设置一个随机长字符串，例如 `openssl rand -base64 48` 的输出，见 README。");
      }
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{link:([0-9a-f-]{36})}}");

  private final JdbcClient jdbc;
  private final Settings settings;

  LinkTokens(JdbcClient jdbc, Settings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Issues a token; returns the placeholder to put in the mail where the token goes. */
  public String issue(String purpose, String subjectId, String activityId, String holder) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into link_token (id, token_hash, purpose, subject_id, activity_id, holder, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, hash(token(id)), purpose, subjectId, activityId, holder, Timestamp.from(EngineClock.now()))
        .update();
    return "{{link:" + id + "}}";
  }

  /**
   * The placeholder of the holder's token still unused for this step, issued now if he has none: a text carries
   * the same single-use token as the mail of the same step, so that either link works once and the other then
   * says it was used.
   */
  public String placeholderFor(String purpose, String subjectId, String activityId, String holder) {
    return jdbc.sql("""
            select id from link_token
            where purpose = ? and subject_id = ? and activity_id = ? and holder = ? and used_at is null and superseded_at is null
            order by created_at desc""")
        .params(purpose, subjectId, activityId, holder).query(String.class).list().stream().findFirst()
        .map(id -> "{{link:" + id + "}}")
        .orElseGet(() -> issue(purpose, subjectId, activityId, holder));
  }

  /** The two links of a sign-off mail, on one token of the holder's: the page asks which he meant before acting. */
  public record DecisionLinks(String approveUrl, String returnUrl) {
  }

  /** Issues the holder's token for a sign-off page (its address up to the token) and returns its two links. */
  public DecisionLinks decisionLinks(String pageUrl, String purpose, String subjectId, String activityId, String holder) {
    String link = pageUrl + issue(purpose, subjectId, activityId, holder);
    return new DecisionLinks(link + "?action=approve", link + "?action=return");
  }

  /** Supersedes the unused tokens of a subject and purpose, before a new batch is issued. */
  public void supersede(String purpose, String subjectId) {
    jdbc.sql("""
            update link_token set superseded_at = ?
            where purpose = ? and subject_id = ? and superseded_at is null and used_at is null""")
        .params(Timestamp.from(EngineClock.now()), purpose, subjectId).update();
  }

  /** A stored mail's text with its link placeholders replaced by the tokens, at the moment it is sent. */
  public String render(String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    return matcher.replaceAll(match -> token(match.group(1)));
  }

  /** What a link's token says as stored, without changing anything; its task is not looked at. */
  public LinkToken read(String purpose, String raw) {
    if (raw == null || raw.isBlank()) {
      return LinkToken.unknown();
    }
    Optional<LinkToken> token = jdbc.sql("""
            select id, subject_id, activity_id, holder, used_at, superseded_at
            from link_token where token_hash = ? and purpose = ?""")
        .params(hash(raw), purpose)
        .query((rs, row) -> new LinkToken(rs.getString("id"), rs.getString("subject_id"), rs.getString("activity_id"),
            rs.getString("holder"), state(rs.getTimestamp("used_at"), rs.getTimestamp("superseded_at")),
            rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
        .optional();
    return token.orElseGet(LinkToken::unknown);
  }

  /**
   * Marks the token used, if it still is valid. Of two requests at once exactly one gets true: the update
   * locks the row and the second finds it used. Call it in the transaction that acts on the link.
   */
  public boolean consume(LinkToken token) {
    return jdbc.sql("""
            update link_token set used_at = ?
            where id = ? and used_at is null and superseded_at is null""")
        .params(Timestamp.from(EngineClock.now()), token.id()).update() == 1;
  }

  private static LinkToken.State state(Timestamp usedAt, Timestamp supersededAt) {
    if (usedAt != null) {
      return LinkToken.State.USED;
    }
    return supersededAt != null ? LinkToken.State.SUPERSEDED : LinkToken.State.VALID;
  }

  /** The token of a row: 256 bits, unguessable without the secret. */
  private String token(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hash(String raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
