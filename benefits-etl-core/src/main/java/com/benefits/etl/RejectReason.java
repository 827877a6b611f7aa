package com.benefits.etl;

/**
 * Why a record did not reach the clean output (docs/spec.md, section 2). The declaration order is
 * the order in which the checks run: a record gets the first reason that applies.
 */
public enum RejectReason {
  MALFORMED_RECORD("malformed_record"),
  MISSING_USER_ID("missing_user_id"),
  INVALID_TIMESTAMP("invalid_timestamp"),
  DUPLICATE("duplicate"),
  UNKNOWN_USER("unknown_user"),
  FILTERED_COUNTRY("filtered_country");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The name written to {@code rejected_events.parquet} and {@code run_report.json}. */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
