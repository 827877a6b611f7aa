package com.benefits.etl.internal.model;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code daily_summary.parquet} (docs/spec.md 3.2).
 *
 * @param eventDate days since 1970-01-01
 */
public record DailyCount(String userId, int eventDate, long eventCount) {

  public DailyCount {
    requireNonNull(userId, "userId is null");
  }
}
