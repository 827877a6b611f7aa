package com.benefits.etl.internal.rules;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.model.AsciiText;

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

  /**
   * A number equal keys share, and that the keys of records close in time mostly share too: the
   * calendar day its timestamp text begins with ({@code YYYY-MM-DD}, whatever the offset after it),
   * or for any other text its hash code. The deduplicator keeps one table per locality, so that a
   * stretch of a file in time order reads a small table that stays in the caches.
   */
  public int locality() {
    return locality(timestamp);
  }

  /** {@link #locality()} of a key whose timestamp text is {@code timestamp}. */
  public static int locality(CharSequence timestamp) {
    if (timestamp.length() < 10) {
      return AsciiText.stringHash(timestamp);
    }
    int year =
        ((timestamp.charAt(0) * 10 + timestamp.charAt(1)) * 10 + timestamp.charAt(2)) * 10
            + timestamp.charAt(3);
    int month = timestamp.charAt(5) * 10 + timestamp.charAt(6);
    int day = timestamp.charAt(8) * 10 + timestamp.charAt(9);
    return (year * 12 + month) * 31 + day; // '0' offsets are constant: still a day's number
  }

  /**
   * The value as the key compares it: {@code -0.0} made {@code 0.0}, so that the record's bitwise
   * double equality matches numeric equality.
   */
  public static double canonical(double value) {
    return value + 0.0;
  }

  /** The key of an event; {@code value} null means null or absent. */
  public static DedupKey of(String userId, String eventType, String timestamp, Double value) {
    return value == null
        ? new DedupKey(userId, eventType, timestamp, false, 0.0)
        : new DedupKey(userId, eventType, timestamp, true, canonical(value));
  }
}
