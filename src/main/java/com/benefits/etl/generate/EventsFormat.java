package com.benefits.etl.generate;

/** How the generated events file is laid out (SPEC 1.1). */
public enum EventsFormat {
  /** One JSON array of objects, the original format: {@code raw_events.json}. */
  ARRAY("raw_events.json"),
  /** Newline-delimited JSON, one record a line: {@code raw_events.ndjson}. */
  NDJSON("raw_events.ndjson");

  private final String fileName;

  EventsFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The events file name, without any {@code .gz} suffix. */
  public String fileName() {
    return fileName;
  }
}
