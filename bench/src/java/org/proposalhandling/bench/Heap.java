package org.proposalhandling.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The JVM's heap while the benchmark runs, two ways. The most used seen (sampled each half second) counts the
 * garbage not yet collected: G1 lets its young generation grow towards the maximum whatever the app keeps, so
 * this peak says more about the collector than about the app. The most used right after a collection (from
 * the collector's notifications, every collection counted) is what the heap has to hold: the headroom that
 * {@code -Xmx} leaves is measured against it.
 */
final class Heap implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(pool -> pool.getName()).collect(Collectors.toSet());
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final NotificationListener afterCollection = this::collected;
  private final Thread sampler;
  private volatile long peak;
  private volatile long peakAfterCollection;

  Heap() {
    collectors.forEach(collector -> ((NotificationEmitter) collector).addNotificationListener(afterCollection, null, null));
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

  private void collected(Notification notification, Object handback) {
    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
      GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
          .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
      peakAfterCollection = Math.max(peakAfterCollection, used);
    }
  }

  long peakMb() {
    return peak >> 20;
  }

  long peakAfterCollectionMb() {
    return peakAfterCollection >> 20;
  }

  long maxMb() {
    return memory.getHeapMemoryUsage().getMax() >> 20;
  }

  /** Used after a full collection: what the app keeps, not what it has not collected yet. */
  long liveMb() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed() >> 20;
  }

  /** The report's row: the maximum, both peaks and what is live at the end. */
  String summary() {
    return "%d / %d / %d / %d MB".formatted(maxMb(), peakMb(), peakAfterCollectionMb(), liveMb());
  }

  @Override
  public void close() {
    sampler.interrupt();
    for (GarbageCollectorMXBean collector : collectors) {
      try {
        ((NotificationEmitter) collector).removeNotificationListener(afterCollection);
      } catch (ListenerNotFoundException e) {
        // never added: nothing to remove
      }
    }
  }
}
