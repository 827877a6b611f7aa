package com.benefits.etl;

/** The two layouts of an events file (docs/spec.md 1.1), detected from the content. */
public enum EventsFormat {
  /** A JSON array of records: the first non-blank byte is {@code [}. */
  ARRAY,
  /** One JSON object per line; blank lines are skipped. */
  NDJSON
}
