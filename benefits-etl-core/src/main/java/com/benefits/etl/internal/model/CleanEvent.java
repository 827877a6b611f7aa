package com.benefits.etl.internal.model;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code clean_events.parquet} (docs/spec.md 3.1): the valid event, in whichever form it
 * came ({@link ValidEvent#inByteForm()}), with what steps 5 and 6 added. Nullable columns are
 * nullable fields here.
 *
 * @param eventDate the UTC date of the event's timestamp, in days since 1970-01-01
 * @param signupDate days since 1970-01-01, or null when the user's signup date is unknown
 * @param country the user's country (the target country)
 */
public record CleanEvent(ValidEvent event, int eventDate, Integer signupDate, String country) {

  public CleanEvent {
    requireNonNull(event, "event is null");
    requireNonNull(country, "country is null");
  }

  /**
   * A row from its columns' values.
   *
   * @param timestampMicros the UTC instant in microseconds since the epoch
   */
  public CleanEvent(
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
    this(
        new ValidEvent(userId, eventType, timestamp, timestampMicros, value, device, page),
        eventDate,
        signupDate,
        country);
  }

  public String userId() {
    return event.userId();
  }

  public String eventType() {
    return event.eventType();
  }

  public String timestamp() {
    return event.timestamp();
  }

  /** The UTC instant in microseconds since the epoch. */
  public long timestampMicros() {
    return event.timestampMicros();
  }

  public Double value() {
    return event.value();
  }

  public String device() {
    return event.device();
  }

  public String page() {
    return event.page();
  }
}
