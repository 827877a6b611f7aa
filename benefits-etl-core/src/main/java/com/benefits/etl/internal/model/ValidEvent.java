package com.benefits.etl.internal.model;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.rules.DedupKey;
import com.benefits.etl.internal.rules.TimestampProfile;

/**
 * A record that passed steps 1–3 of docs/spec.md, section 2: well-typed, with a user id and a valid
 * timestamp. Whether it is a duplicate, a known user and in the target country is decided later.
 *
 * @param userId the trimmed, non-blank user id (integers rendered in decimal)
 * @param timestamp the timestamp exactly as written in the input
 * @param timestampMicros its UTC instant, microseconds since the epoch
 * @param value the value, or null when null or absent
 */
public record ValidEvent(
    String userId,
    String eventType,
    String timestamp,
    long timestampMicros,
    Double value,
    String device,
    String page) {

  public ValidEvent {
    requireNonNull(userId, "userId is null");
    requireNonNull(timestamp, "timestamp is null");
  }

  /** The UTC date of the timestamp, in days since 1970-01-01. */
  public int eventDate() {
    return TimestampProfile.epochDay(timestampMicros);
  }

  /** The deduplication key of this event (docs/spec.md, step 4). */
  public DedupKey dedupKey() {
    return DedupKey.of(userId, eventType, timestamp, value);
  }

  /** The characters of its strings: what holding it costs, beyond a few dozen bytes. */
  public long chars() {
    return (long) userId.length()
        + timestamp.length()
        + length(eventType)
        + length(device)
        + length(page);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
