package com.benefits.etl.generate;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts distinct (user, UTC day) pairs of clean records, the rows of {@code daily_summary}. Days
 * older than any record that can still be copied are closed and forgotten, which bounds memory by
 * the size of {@link RecentRecords}' time window.
 */
final class DailyPairs {
  private final TreeMap<Long, IntSet> open = new TreeMap<>();
  private long closed;
  private long lastDay = Long.MIN_VALUE;
  private IntSet lastSet;

  void add(long day, int userIndex) {
    if (day != lastDay) {
      lastSet = open.computeIfAbsent(day, d -> new IntSet());
      lastDay = day;
    }
    lastSet.add(userIndex);
  }

  /** Closes every day before {@code day}: no clean record can fall on it any more. */
  void closeBefore(long day) {
    while (!open.isEmpty() && open.firstKey() < day) {
      Map.Entry<Long, IntSet> first = open.pollFirstEntry();
      closed += first.getValue().size();
      if (first.getKey() == lastDay) {
        lastDay = Long.MIN_VALUE;
        lastSet = null;
      }
    }
  }

  long total() {
    long sum = closed;
    for (IntSet users : open.values()) {
      sum += users.size();
    }
    return sum;
  }
}
