package com.benefits.etl;

import java.nio.file.Path;

/** The files a run publishes in its output directory (see docs/spec.md, "Outputs"). */
public enum Output {
  CLEAN_EVENTS("clean_events.parquet"),
  DAILY_SUMMARY("daily_summary.parquet"),
  REJECTED_EVENTS("rejected_events.parquet"),
  RUN_REPORT("run_report.json"),
  /** The run for a person to read: written unless {@code PipelineOptions.reportHtml()} is off. */
  REPORT_HTML("report.html");

  private final String fileName;

  Output(String fileName) {
    this.fileName = fileName;
  }

  /** The file's name in the output directory, such as {@code clean_events.parquet}. */
  public String fileName() {
    return fileName;
  }

  /**
   * The output of that file name.
   *
   * @throws IllegalArgumentException if no output has that name
   */
  public static Output forFileName(Path name) {
    for (Output o : values()) {
      if (o.fileName.equals(name.toString())) {
        return o;
      }
    }
    throw new IllegalArgumentException("no output is named " + name);
  }
}
