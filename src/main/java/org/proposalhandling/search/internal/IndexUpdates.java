package org.proposalhandling.search.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.proposalhandling.item.ItemEvents;
import org.proposalhandling.search.SearchProperties;
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
      for (int from = 0; from < ids.size(); from += BATCH) {
        List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
        index.put(texts.of(batch));
        progress = new Progress(true, from + batch.size(), ids.size());
      }
      mark = reached;
      gaps.clear();
      index.commit(mark);
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
      for (int from = 0; from < ids.size(); from += BATCH) {
        index.put(texts.of(ids.subList(from, Math.min(ids.size(), from + BATCH))));
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
      index.refresh();
    } catch (IOException | RuntimeException e) {
      log.warn("Search index not brought up to date, tried again at the next step or tick", e);
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    thread.shutdownNow();
    thread.awaitTermination(10, TimeUnit.SECONDS);
  }
}
