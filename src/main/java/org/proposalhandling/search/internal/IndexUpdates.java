package org.proposalhandling.search.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.proposalhandling.item.ItemEvents;
import org.proposalhandling.search.SearchProperties;
import org.proposalhandling.search.internal.ItemTexts.ItemText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index current, on one thread of its own: the items whose history grew past the index's high-water
 * mark (the last {@code item_event} id it reflects) are read again and replaced. A node's own steps wake it
 * after their commit; a timer finds the steps of the other nodes. Nothing here runs in the step's transaction:
 * a failed update is logged and tried again at the next wake, and never undoes the user's work.
 * History ids are handed out at insert but committed in any order, so an id missing below the mark is watched
 * for a while ({@link #GAP_WAIT}) in case its transaction commits late.
 */
@Component
class IndexUpdates {

  /** Progress of a rebuild, for the administrator who asked for it. */
  record Progress(boolean running, int done, int total) {
  }

  private static final Logger log = LoggerFactory.getLogger(IndexUpdates.class);
  private static final int BATCH = 500;
  /** Longer than any step's transaction (the job executor's lock time is 2 minutes). */
  private static final Duration GAP_WAIT = Duration.ofMinutes(3);
  private static final int MAX_GAPS = 10_000;

  private final SearchIndex index;
  private final ItemTexts texts;
  private final JdbcClient jdbc;
  private final SearchProperties properties;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread named = new Thread(runnable, "search-index");
    named.setDaemon(true);
    return named;
  });
  private final AtomicBoolean woken = new AtomicBoolean();
  private final Map<Long, Instant> gaps = new HashMap<>();
  /**
   * Each item's texts and readers as last put in the index, as a digest: a step that changed none of them (most
   * steps: a task done, a mail sent) does not have the Chinese analyzer read the item again, which every step
   * did (7 % of the app's CPU in the benchmark's cycle). Empty after a start: each item's next step puts it once.
   */
  private final Map<String, Long> putDigests = new HashMap<>();
  private long mark;
  private volatile Progress progress = new Progress(false, 0, 0);

  IndexUpdates(SearchIndex index, ItemTexts texts, JdbcClient jdbc, SearchProperties properties) {
    this.index = index;
    this.texts = texts;
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (index.currentAtStart()) {
      mark = index.historyMark();
    } else {
      rebuild();
    }
    long every = properties.catchUpInterval().toMillis();
    thread.scheduleWithFixedDelay(this::catchUp, every, every, TimeUnit.MILLISECONDS);
  }

  /** A step committed: read its item again now rather than at the next tick. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void occurred(ItemEvents.Occurred event) {
    if (woken.compareAndSet(false, true)) {
      thread.execute(this::catchUp);
    }
  }

  /** Rebuilds the whole index from the database, in the background; searches see the old one until it is done. */
  Progress rebuild() {
    if (!progress.running()) {
      progress = new Progress(true, 0, 0);
      thread.execute(this::rebuildNow);
    }
    return progress;
  }

  Progress progress() {
    return progress;
  }

  private void rebuildNow() {
    try {
      long reached = jdbc.sql("select coalesce(max(id), 0) from item_event").query(Long.class).single();
      List<String> ids = texts.allIds();
      progress = new Progress(true, 0, ids.size());
      index.clear();
      putDigests.clear();
      Map<String, Long> digests = new HashMap<>();
      for (int from = 0; from < ids.size(); from += BATCH) {
        List<ItemText> batch = texts.of(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        index.put(batch);
        batch.forEach(item -> digests.put(item.id(), digest(item)));
        progress = new Progress(true, from + batch.size(), ids.size());
      }
      mark = reached;
      gaps.clear();
      index.commit(mark);
      putDigests.putAll(digests);
      index.refresh();
      log.info("Search index rebuilt: {} items", ids.size());
    } catch (IOException | RuntimeException e) {
      log.error("Search index not rebuilt", e);
    } finally {
      progress = new Progress(false, progress.done(), progress.total());
    }
  }

  private void catchUp() {
    woken.set(false);
    try {
      gaps.values().removeIf(seen -> seen.isBefore(Instant.now().minus(GAP_WAIT)));
      List<Long> rows = new ArrayList<>();
      Set<String> itemIds = new LinkedHashSet<>();
      jdbc.sql("select id, item_id from item_event where id > :mark" + (gaps.isEmpty() ? "" : " or id in (:gaps)")
              + " order by id limit 5000")
          .param("mark", mark).param("gaps", gaps.isEmpty() ? List.of(0L) : List.copyOf(gaps.keySet()))
          .query((RowCallbackHandler) rs -> {
            rows.add(rs.getLong("id"));
            itemIds.add(rs.getString("item_id"));
          });
      if (rows.isEmpty()) {
        return;
      }
      List<String> ids = List.copyOf(itemIds);
      Map<String, Long> digests = new HashMap<>();
      for (int from = 0; from < ids.size(); from += BATCH) {
        List<ItemText> changed = new ArrayList<>();
        for (ItemText item : texts.of(ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
          long digest = digest(item);
          if (!Long.valueOf(digest).equals(putDigests.get(item.id()))) {
            changed.add(item);
            digests.put(item.id(), digest);
          }
        }
        index.put(changed);
      }
      rows.forEach(gaps::remove);
      long next = mark;
      for (long row : rows) {
        for (long missing = next + 1; missing < row && gaps.size() < MAX_GAPS; missing++) {
          gaps.put(missing, Instant.now());
        }
        next = Math.max(next, row);
      }
      mark = next;
      index.commit(mark);
      putDigests.putAll(digests);
      index.refresh();
    } catch (IOException | RuntimeException e) {
      log.warn("Search index not brought up to date, tried again at the next step or tick", e);
    }
  }

  /** The first 64 bits of the SHA-256 of everything the item's documents are made of, readers in order. */
  private static long digest(ItemText item) {
    String all = String.join("\u0000", item.id(), item.number(), item.session(), item.title(), String.valueOf(item.content()),
        item.proposers().toString(), new TreeSet<>(item.readers()).toString(), item.replies().toString());
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8))).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
