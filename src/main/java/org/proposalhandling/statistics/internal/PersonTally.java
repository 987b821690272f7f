package org.proposalhandling.statistics.internal;

import java.util.EnumMap;
import java.util.Map;
import org.proposalhandling.item.Satisfaction;

/**
 * 满意率（按人）: every proposer's own answer to the latest reply whose result was taken, the lead proposer's and
 * each co-signer's, 未反馈 in the denominator as per item.
 */
record PersonTally(Map<Satisfaction, Long> counts) {

  static final String DEFINITION = "每位提出人（领衔人及每位联名、附议人）对办件最近一次已确定结果的答复的评价，各计一人次："
      + "（满意 + 基本满意）÷ 全部人次，未反馈计入分母。联名人、附议人的评价单独记录，办件结果按上述规则确定。";

  PersonTally plus(PersonTally other) {
    Map<Satisfaction, Long> sum = new EnumMap<>(Satisfaction.class);
    sum.putAll(counts);
    other.counts.forEach((satisfaction, n) -> sum.merge(satisfaction, n, Long::sum));
    return new PersonTally(sum);
  }

  long get(Satisfaction satisfaction) {
    return counts.getOrDefault(satisfaction, 0L);
  }

  /** The share of persons satisfied or basically satisfied, or null when no one was asked yet. */
  Double rate() {
    long all = counts.values().stream().mapToLong(Long::longValue).sum();
    return all == 0 ? null : (double) (get(Satisfaction.SATISFIED) + get(Satisfaction.BASICALLY_SATISFIED)) / all;
  }
}
