package org.proposalhandling.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.proposalhandling.workflow.EngineClock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tokens in mail links: 256 random bits, kept only as a SHA-256 hash, bound to one purpose, item, task
 * and holder, expiring, and used at most once. A newer token for the same item and purpose supersedes the
 * older ones. Opening a link only reads its token; {@link #consume} is for the POST that acts.
 */
@Service
@EnableConfigurationProperties(LinkTokens.Settings.class)
public class LinkTokens {

  /** proposals.links.lifetime: how long a link works (default 7 days). */
  @ConfigurationProperties("proposals.links")
  record Settings(Duration lifetime) {
    Settings {
      lifetime = lifetime == null ? Duration.ofDays(7) : lifetime;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Settings settings;

  LinkTokens(JdbcClient jdbc, Settings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Issues a token and supersedes the earlier ones of this item and purpose; returns the raw token for the link. */
  public String issue(String purpose, String itemId, String taskId, String holder) {
    return issue(purpose, itemId, taskId, holder, settings.lifetime());
  }

  public String issue(String purpose, String itemId, String taskId, String holder, Duration lifetime) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = EngineClock.now();
    jdbc.sql("""
            insert into link_token (id, token_hash, purpose, item_id, task_id, holder, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), hash(raw), purpose, itemId, taskId, holder, Timestamp.from(now),
            Timestamp.from(now.plus(lifetime)))
        .update();
    return raw;
  }

  /** Supersedes the tokens of an item and purpose issued for other tasks than this one. */
  public void supersedeOthers(String purpose, String itemId, String currentTaskId) {
    jdbc.sql("""
            update link_token set superseded_at = ?
            where purpose = ? and item_id = ? and (task_id is null or task_id <> ?) and superseded_at is null and used_at is null""")
        .params(Timestamp.from(EngineClock.now()), purpose, itemId, currentTaskId).update();
  }

  /** What a link's token says, without changing anything. */
  public LinkToken read(String purpose, String raw) {
    if (raw == null || raw.isBlank()) {
      return LinkToken.unknown();
    }
    Optional<LinkToken> token = jdbc.sql("""
            select id, purpose, item_id, task_id, holder, expires_at, used_at, superseded_at
            from link_token where token_hash = ? and purpose = ?""")
        .params(hash(raw), purpose)
        .query((rs, row) -> new LinkToken(rs.getString("id"), rs.getString("item_id"), rs.getString("task_id"),
            rs.getString("holder"), state(rs.getTimestamp("expires_at"), rs.getTimestamp("used_at"), rs.getTimestamp("superseded_at")),
            rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
        .optional();
    return token.orElseGet(LinkToken::unknown);
  }

  /**
   * Marks the token used, if it still is valid. Of two requests at once exactly one gets true: the update
   * locks the row and the second finds it used. Call it in the transaction that acts on the link.
   */
  public boolean consume(LinkToken token) {
    Timestamp now = Timestamp.from(EngineClock.now());
    return jdbc.sql("""
            update link_token set used_at = ?
            where id = ? and used_at is null and superseded_at is null and expires_at > ?""")
        .params(now, token.id(), now).update() == 1;
  }

  private static LinkToken.State state(Timestamp expiresAt, Timestamp usedAt, Timestamp supersededAt) {
    if (usedAt != null) {
      return LinkToken.State.USED;
    }
    if (supersededAt != null) {
      return LinkToken.State.SUPERSEDED;
    }
    return expiresAt.toInstant().isAfter(EngineClock.now()) ? LinkToken.State.VALID : LinkToken.State.EXPIRED;
  }

  static String hash(String raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
