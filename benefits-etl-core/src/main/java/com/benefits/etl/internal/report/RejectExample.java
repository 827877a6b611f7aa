package com.benefits.etl.internal.report;

import static java.util.Objects.requireNonNull;

/**
 * One rejected record as the report shows it: among the first few of its reason.
 *
 * @param rawRecord the record's text, already cut to the rejects' limit
 */
public record RejectExample(long recordIndex, String detail, String rawRecord) {
  public RejectExample {
    requireNonNull(detail, "detail is null");
    requireNonNull(rawRecord, "rawRecord is null");
  }
}
