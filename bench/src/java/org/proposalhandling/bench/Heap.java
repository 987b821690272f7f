package org.proposalhandling.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The JVM's heap while the benchmark runs: the most used seen (sampled each half second), and the maximum. */
final class Heap implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread sampler;
  private volatile long peak;

  Heap() {
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-heap");
    sampler.setDaemon(true);
    sampler.start();
  }

  long peakMb() {
    return peak >> 20;
  }

  long maxMb() {
    return memory.getHeapMemoryUsage().getMax() >> 20;
  }

  /** Used after a full collection: what the app keeps, not what it has not collected yet. */
  long liveMb() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed() >> 20;
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
