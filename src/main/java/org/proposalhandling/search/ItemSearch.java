package org.proposalhandling.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full-text search. Readers are unit ids (assigning offices and handling units): a search finds an item
 * only when one of them reads it by the ledger's rule, and a published reply only among the published. Passages
 * are HTML: the text escaped, the words found in {@code <mark>}.
 */
public interface ItemSearch {

  /** An item found: where the words were found (标题, 正文, 提出人, 答复) and the passage around them. */
  record Hit(String itemId, String where, String passage) {
  }

  /** A published reply found, by its publication's id. */
  record PublishedHit(String publicationId, String passage) {
  }

  /**
   * An answered item like the one asked about, with the passages of its replies that are most alike: of every
   * reply when the readers read the item, else of its published replies only (publicationId: the latest).
   */
  record Similar(String itemId, boolean readable, String publicationId, List<String> passages) {
  }

  /** An item found like a text, with its session and what it says, for the asker to weigh how alike they are. */
  record Alike(String itemId, String session, String number, String title, String content) {
  }

  /**
   * The ids of the items of these readers that match, best first: the item of this number, then those whose number
   * contains it, then the ranked full-text hits; at most proposals.search.max-hits.
   */
  List<String> items(String query, Set<String> readers);

  /** Where the query's words are in each of these items (those found by {@link #items}), by item id. */
  Map<String, Hit> passages(String query, List<String> itemIds);

  /** The published replies that match, best first. */
  List<PublishedHit> published(String query, int limit);

  /**
   * The answered items most like this text (an item's title and text), other than the item itself: those these
   * readers read, and the published ones.
   */
  List<Similar> similar(String text, String exceptItemId, Set<String> readers, int limit);

  /**
   * The items these readers read (answered or not) whose title and text are most like this text, other than the
   * item itself, best first: candidates for a duplicate or a related item.
   */
  List<Alike> alike(String text, String exceptItemId, Set<String> readers, int limit);
}
