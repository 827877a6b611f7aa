package com.benefits.etl.internal.rules;

import static java.util.Objects.requireNonNull;

/**
 * What makes two records duplicates (docs/spec.md, step 4): the same trimmed user id, the same
 * event type (null equal to null), the same timestamp text (the same instant written differently is
 * not a duplicate), and the same value compared as a 64-bit float ({@code 10} equals {@code 10.0},
 * {@code -0.0} equals {@code 0.0}, null equals null).
 */
public record DedupKey(
    String userId, String eventType, String timestamp, boolean hasValue, double value) {

  public DedupKey {
    requireNonNull(userId, "userId is null");
    requireNonNull(timestamp, "timestamp is null");
  }

  /** The key of an event; {@code value} null means null or absent. */
  public static DedupKey of(String userId, String eventType, String timestamp, Double value) {
    // + 0.0 turns -0.0 into 0.0, so the record's bitwise double equality matches numeric equality.
    return value == null
        ? new DedupKey(userId, eventType, timestamp, false, 0.0)
        : new DedupKey(userId, eventType, timestamp, true, value + 0.0);
  }
}
