package org.proposalhandling.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database's file near the size of its data. With WRITE_DELAY=0 (application.yaml: a
 * commit is in the file before it returns) H2 runs no background writer, and that writer is what compacts the
 * file and frees the chunks that older versions of the rows left: the file grew by about 20 KB a commit,
 * whatever the data (21 GB for a national session's 15,000 items whose tables hold 690 MB; 7.4 GB for 1,000
 * items through their cycle, docs/benchmarks.md), until the database closed. Every
 * {@code proposals.h2.compaction-check} this looks at the file's size, and once it has doubled since the last
 * compaction (and passed 64 MB) compacts it, as H2 does at closing, for at most
 * {@code proposals.h2.compaction-budget}; writers wait meanwhile. Compacting every 5 minutes was not enough: under
 * the benchmark's load the file grew to 4.6 GB in between. Only for an H2 file; MySQL manages its own.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
class H2FileCompaction implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(H2FileCompaction.class);

  static final long AT_LEAST = 64L << 20;

  private final DataSource dataSource;
  private final Duration interval;
  private final Duration budget;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "h2-file-compaction");
    thread.setDaemon(true);
    return thread;
  });
  /** Read and written by the scheduler's one thread. */
  private long sizeAfterLastCompaction;

  H2FileCompaction(DataSource dataSource, @Value("${proposals.h2.compaction-check:PT10S}") Duration interval,
                   @Value("${proposals.h2.compaction-budget:PT1S}") Duration budget) {
    this.dataSource = dataSource;
    this.interval = interval;
    this.budget = budget;
  }

  @EventListener(ApplicationReadyEvent.class)
  void schedule() {
    scheduler.scheduleWithFixedDelay(this::compactLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Compacts the file for at most the budget if it has doubled since the last compaction; true if it did. */
  boolean compactIfGrown() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Store store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore();
      long size = store.getMvStore().getFileStore().size();
      if (size <= Math.max(2 * sizeAfterLastCompaction, AT_LEAST)) {
        return false;
      }
      store.compactFile((int) budget.toMillis());
      sizeAfterLastCompaction = store.getMvStore().getFileStore().size();
      LOG.debug("H2 file compacted from {} to {} MB", size >> 20, sizeAfterLastCompaction >> 20);
      return true;
    }
  }

  private void compactLogged() {
    try {
      compactIfGrown();
    } catch (SQLException | RuntimeException e) {
      // The next round tries again; nothing is lost but disk space meanwhile.
      LOG.warn("H2 数据文件压缩失败，{} 后重试", interval, e);
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}
