package com.benefits.etl.internal.report;

import java.util.Arrays;

/**
 * Clean events per UTC day, for the report's chart: a count per day between the first and the last
 * day seen (at most 3,652,059 days, 29 MB, for events spread over the whole calendar).
 */
public final class DayTotals {
  private int first;
  private long[] counts = new long[0];

  /** Adds {@code count} events on {@code epochDay} (days since 1970-01-01). */
  public void add(int epochDay, long count) {
    if (counts.length == 0) {
      first = epochDay;
      counts = new long[16];
    } else if (epochDay < first) {
      int shift = first - epochDay;
      long[] wider = new long[Math.max(counts.length + shift, counts.length * 2)];
      System.arraycopy(counts, 0, wider, shift, counts.length);
      counts = wider;
      first = epochDay;
    } else if (epochDay - first >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(epochDay - first + 1, counts.length * 2));
    }
    counts[epochDay - first] += count;
  }

  /** Whether any day has events. */
  public boolean isEmpty() {
    return counts.length == 0;
  }

  /** The first day with events (days since 1970-01-01); only when not empty. */
  public int firstDay() {
    int i = 0;
    while (counts[i] == 0) {
      i++;
    }
    return first + i;
  }

  /** The last day with events; only when not empty. */
  public int lastDay() {
    int i = counts.length - 1;
    while (counts[i] == 0) {
      i--;
    }
    return first + i;
  }

  /** Events on {@code epochDay}. */
  public long on(int epochDay) {
    int i = epochDay - first;
    return i < 0 || i >= counts.length ? 0 : counts[i];
  }
}
