package org.proposalhandling.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the steps of a phase for many items on a few client threads (users working at once), then waits until
 * the job executor has nothing left to do, and keeps each phase's wall time: a phase's throughput includes
 * the jobs it caused.
 */
final class Phases implements AutoCloseable {

  record Phase(String name, int items, Duration took) {
    double perSecond() {
      return items * 1000.0 / Math.max(1, took.toMillis());
    }
  }

  private final ExecutorService clients;
  private final BooleanSupplier quiet;
  private final Runnable afterPhase;
  private final Map<String, Phase> done = new LinkedHashMap<>();

  Phases(int threads, BooleanSupplier quiet) {
    this(threads, quiet, () -> { });
  }

  /** @param afterPhase run after each phase, outside its time */
  Phases(int threads, BooleanSupplier quiet, Runnable afterPhase) {
    this.clients = Executors.newFixedThreadPool(threads);
    this.quiet = quiet;
    this.afterPhase = afterPhase;
  }

  <T> void run(String name, Collection<T> items, Consumer<T> step) {
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(clients.submit(() -> step.accept(item)));
    }
    List<Throwable> failures = new ArrayList<>();
    for (Future<?> future : futures) {
      try {
        future.get(30, TimeUnit.MINUTES);
      } catch (Exception e) {
        failures.add(e.getCause() == null ? e : e.getCause());
      }
    }
    if (!failures.isEmpty()) {
      IllegalStateException failed = new IllegalStateException(failures.size() + " of " + items.size()
          + " steps of phase " + name + " failed; the first: " + failures.get(0), failures.get(0));
      throw failed;
    }
    awaitQuiet(name);
    Phase phase = new Phase(name, items.size(), Duration.ofNanos(System.nanoTime() - start));
    done.merge(name, phase, (a, b) -> new Phase(name, a.items() + b.items(), a.took().plus(b.took())));
    SessionBenchmark.LOG.info("{}: {} items in {} ms ({} items/s)", name, phase.items(), phase.took().toMillis(),
        "%.1f".formatted(phase.perSecond()));
    afterPhase.run();
  }

  /** Until no job is due, seen twice in a row a quarter of a second apart (a job may create the next). */
  void awaitQuiet(String after) {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    int seen = 0;
    while (seen < 2) {
      seen = quiet.getAsBoolean() ? seen + 1 : 0;
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Jobs still due 20 minutes after " + after);
      }
      sleep(250);
    }
  }

  Map<String, Phase> done() {
    return done;
  }

  Duration total() {
    return done.values().stream().map(Phase::took).reduce(Duration.ZERO, Duration::plus);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    clients.shutdownNow();
  }
}
