package org.proposalhandling.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.proposalhandling.search.ItemSearch;
import org.springframework.stereotype.Service;

/**
 * An item's possible duplicates (its own session, reading alike) and related items (other sessions, on the same
 * subject), among the items the readers read: a unit never learns of another's item here.
 *
 * <p>Related items are the index's best of other sessions, in its order (the words the texts share, the rarer the
 * more), without a bar of their own: the fingerprints' similarity does not tell a subject (the demo's 13 items on
 * elderly care read 0.009 to 0.26 alike each other, its items on other subjects up to 0.157 alike them).
 */
@Service
public class DuplicateCheck {

  /** An item found, with how alike it reads (percent of {@link TextSimilarity}; of a related item: not shown). */
  public record Match(String itemId, String sessionName, String number, String title, int percent) {

    public String reference() {
      return sessionName + "第" + number + "号";
    }

    public String link() {
      return "/items/" + itemId;
    }
  }

  public record Found(List<Match> duplicates, List<Match> related) {

    public boolean isEmpty() {
      return duplicates.isEmpty() && related.isEmpty();
    }

    /** The warning a clerk reads, e.g. 「可能与以下办件重复：省政协十三届一次会议第D13号《……》（相似度 92%）」; empty without duplicates. */
    public String warning() {
      return duplicates.isEmpty() ? "" : "可能与以下办件重复：" + duplicates.stream()
          .map(match -> match.reference() + "《" + match.title() + "》（相似度 " + match.percent() + "%）")
          .collect(Collectors.joining("；"));
    }

    /** Both kinds in a few lines, for a read-only form field. */
    public String summary() {
      String others = related.isEmpty() ? "" : "\n其他届次的相关办件：" + related.stream()
          .map(match -> match.reference() + "《" + match.title() + "》").collect(Collectors.joining("；"));
      return (duplicates.isEmpty() ? "本届未发现可能重复的办件。" : warning()) + others;
    }
  }

  /** The candidates the index is asked for: enough for the few of each kind shown, as alike words rank them. */
  private static final int CANDIDATES = 20;
  /** As many of each kind as a clerk reads through before deciding. */
  static final int SHOWN = 5;
  private final ItemSearch search;

  DuplicateCheck(ItemSearch search) {
    this.search = search;
  }

  /** For an item (exceptItemId: itself, or null for a row not yet registered). */
  public Found of(String exceptItemId, String sessionName, String title, String content, Set<String> readers) {
    String fingerprint = TextSimilarity.fingerprint(title, content);
    List<Match> duplicates = new ArrayList<>();
    List<Match> related = new ArrayList<>();
    for (ItemSearch.Alike candidate : search.alike(title + "\n" + Objects.toString(content, ""), exceptItemId, readers,
        CANDIDATES)) {
      double similarity = TextSimilarity.similarity(fingerprint, TextSimilarity.fingerprint(candidate.title(), candidate.content()));
      Match match = new Match(candidate.itemId(), candidate.session(), candidate.number(), candidate.title(),
          (int) Math.round(similarity * 100));
      boolean sameSession = candidate.session().equals(sessionName);
      if (sameSession && similarity >= TextSimilarity.THRESHOLD) {
        duplicates.add(match);
      } else if (!sameSession && related.size() < SHOWN) {
        related.add(match);
      }
    }
    return new Found(duplicates.stream().sorted((a, b) -> Integer.compare(b.percent(), a.percent())).limit(SHOWN).toList(),
        related);
  }
}
