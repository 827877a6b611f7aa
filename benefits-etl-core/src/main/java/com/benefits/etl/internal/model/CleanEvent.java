package com.benefits.etl.internal.model;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code clean_events.parquet} (docs/spec.md 3.1). Nullable columns are nullable fields
 * here; the three required strings are checked at construction.
 *
 * @param timestampMicros the UTC instant in microseconds since the epoch
 * @param eventDate the UTC date of {@code timestampMicros}, in days since 1970-01-01
 * @param signupDate days since 1970-01-01, or null when the user's signup date is unknown
 */
public record CleanEvent(
    String userId,
    String eventType,
    String timestamp,
    long timestampMicros,
    int eventDate,
    Double value,
    String device,
    String page,
    Integer signupDate,
    String country) {

  public CleanEvent {
    requireNonNull(userId, "userId is null");
    requireNonNull(timestamp, "timestamp is null");
    requireNonNull(country, "country is null");
  }
}
