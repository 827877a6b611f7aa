package com.benefits.etl.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The {@code counts} of a {@code run_report.json} (docs/spec.md 3.4), as outcome name to count. */
final class RunReportCounts {
  private RunReportCounts() {}

  static Map<String, Long> read(Path report) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    ((Map<?, ?>) JsonTree.at(JsonTree.read(report), "counts"))
        .forEach((k, v) -> counts.put((String) k, (Long) v));
    return counts;
  }
}
