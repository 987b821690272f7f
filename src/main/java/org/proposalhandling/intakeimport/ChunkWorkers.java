package org.proposalhandling.intakeimport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A bounded pool that works through the chunks of an import or a batch assignment side by side
 * ({@link ImportProperties#workers()}): a chunk is one transaction of
 * independent items, so two chunks never wait for each other, and the database and the engine get work on
 * every core. Bounded, so that a large import leaves the job executor and the users' requests their share.
 */
@Component
@EnableConfigurationProperties(ImportProperties.class)
public class ChunkWorkers implements DisposableBean {

  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

  ChunkWorkers(ImportProperties properties) {
    int size = properties.workers() > 0 ? properties.workers() : Runtime.getRuntime().availableProcessors();
    executor.setCorePoolSize(size);
    executor.setMaxPoolSize(size);
    executor.setThreadNamePrefix("import-chunk-");
    executor.initialize();
  }

  /** Each chunk's result, in the chunks' order, once all are done; a chunk that threw throws here. */
  public <C, R> List<R> each(List<C> chunks, Function<C, R> work) throws InterruptedException {
    List<Future<R>> running = new ArrayList<>();
    for (C chunk : chunks) {
      running.add(executor.submit(() -> work.apply(chunk)));
    }
    List<R> results = new ArrayList<>();
    for (Future<R> result : running) {
      try {
        results.add(result.get());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      }
    }
    return results;
  }

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
