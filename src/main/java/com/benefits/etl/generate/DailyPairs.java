package com.benefits.etl.generate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts distinct (user, UTC day) pairs of clean records, the rows of {@code daily_summary}.
 * Days older than any record that can still be copied are closed and forgotten, which bounds
 * memory by the size of {@link RecentRecords}' time window.
 */
final class DailyPairs {
  private final TreeMap<Long, Set<Integer>> open = new TreeMap<>();
  private long closed;

  void add(long day, int userIndex) {
    open.computeIfAbsent(day, d -> new HashSet<>()).add(userIndex);
  }

  /** Closes every day before {@code day}: no clean record can fall on it any more. */
  void closeBefore(long day) {
    while (!open.isEmpty() && open.firstKey() < day) {
      Map.Entry<Long, Set<Integer>> first = open.pollFirstEntry();
      closed += first.getValue().size();
    }
  }

  long total() {
    long sum = closed;
    for (Set<Integer> users : open.values()) {
      sum += users.size();
    }
    return sum;
  }
}
