package com.benefits.etl.internal.model;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.RejectReason;

/**
 * One row of {@code rejected_events.parquet} (docs/spec.md 3.3).
 *
 * @param recordIndex 0-based position of the record among the records read
 * @param detail a sentence a person can act on
 * @param rawRecord the record as JSON text, or the raw NDJSON line
 */
public record RejectedRecord(
    long recordIndex, RejectReason reason, String detail, String rawRecord) {

  public RejectedRecord {
    requireNonNull(reason, "reason is null");
    requireNonNull(detail, "detail is null");
    requireNonNull(rawRecord, "rawRecord is null");
  }
}
