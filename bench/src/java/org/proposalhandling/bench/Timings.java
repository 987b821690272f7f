package org.proposalhandling.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Durations of one kind of call, in milliseconds, collected from several threads; percentiles on demand. */
final class Timings {

  private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

  <T> T time(Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      millis.add((System.nanoTime() - start) / 1e6);
    }
  }

  int count() {
    return millis.size();
  }

  /** The p-th percentile (nearest rank), or NaN without samples. */
  double percentile(double p) {
    List<Double> sorted;
    synchronized (millis) {
      sorted = new ArrayList<>(millis);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** Every sample in the order taken, to tell a slow start from slow samples throughout. */
  String inOrder() {
    synchronized (millis) {
      return millis.stream().map(ms -> String.valueOf(Math.round(ms))).collect(Collectors.joining(" "));
    }
  }

  String summary() {
    return "%.0f / %.0f / %.0f ms (n=%d)".formatted(percentile(50), percentile(95), percentile(99), count());
  }
}
