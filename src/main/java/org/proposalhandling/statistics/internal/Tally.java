package org.proposalhandling.statistics.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** The figures of one row of a table (a session, a unit, or the total): every {@link Figure}, and its rates. */
record Tally(Map<Figure, Long> counts) {

  Tally {
    EnumMap<Figure, Long> all = new EnumMap<>(Figure.class);
    for (Figure figure : Figure.values()) {
      all.put(figure, counts.getOrDefault(figure, 0L));
    }
    counts = all;
  }

  static Tally empty() {
    return new Tally(Map.of());
  }

  long get(Figure figure) {
    return counts.get(figure);
  }

  Double rate(Rate rate) {
    return rate.of(this);
  }

  Tally with(Figure figure, long value) {
    Map<Figure, Long> changed = new EnumMap<>(counts);
    changed.put(figure, value);
    return new Tally(changed);
  }

  /** The sum of rows; the rates of the sum are computed from it, never averaged. */
  static Tally sum(Collection<Tally> tallies) {
    Map<Figure, Long> total = new EnumMap<>(Figure.class);
    for (Tally tally : tallies) {
      tally.counts.forEach((figure, value) -> total.merge(figure, value, Long::sum));
    }
    return new Tally(total);
  }
}
