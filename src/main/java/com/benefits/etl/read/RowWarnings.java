package com.benefits.etl.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * One kind of row-level warning in an input file (SPEC 1.2: a repeated user id, a signup date
 * that is not a date): counts every row, keeps the first few as examples with their line, and
 * logs them all as one warning at the end, so a file with thousands of such rows makes one line
 * of log, not thousands.
 */
final class RowWarnings {
  /** How many rows are shown by line; the count covers them all. */
  static final int EXAMPLES = 5;

  private final String what;
  private final List<String> examples = new ArrayList<>(EXAMPLES);
  private long count;

  /** @param what completes "N rows ...", e.g. "repeat an earlier user_id; each was skipped" */
  RowWarnings(String what) {
    this.what = what;
  }

  /** Counts one row, shown as "line N: {@code shown}" when among the first few. */
  void add(long line, String shown) {
    if (count++ < EXAMPLES) {
      examples.add("line " + line + ": " + shown);
    }
  }

  long count() {
    return count;
  }

  /** Logs one warning naming the file, the count and the examples; nothing when no row. */
  void log(Logger log, Path file) {
    if (count == 0) {
      return;
    }
    log.warn("{}: {} row{} {} ({}{})", file, count, count == 1 ? "" : "s", what,
        String.join(", ", examples), count > EXAMPLES ? ", ..." : "");
  }
}
