package com.benefits.etl.internal.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * One kind of row-level warning in an input file (docs/spec.md 1.2: a repeated user id, a signup
 * date that is not a date): keeps the first few rows as examples with their line, and logs one
 * warning at the end with the count of them all, so a file with thousands of such rows makes one
 * line of log, not thousands.
 */
final class RowWarnings {
  /** How many rows are shown by line. */
  private static final int EXAMPLES = 5;

  private final String one;
  private final String many;
  private final List<String> examples = new ArrayList<>(EXAMPLES);

  /**
   * @param one completes "1 row ...", e.g. "repeats an earlier row's user_id"
   * @param many completes "N rows ...", e.g. "repeat an earlier row's user_id"
   */
  RowWarnings(String one, String many) {
    this.one = one;
    this.many = many;
  }

  /**
   * One more row, shown as "line N: {@code shown}" when among the first few; a line break in {@code
   * shown} (a quoted CSV field may hold one) is written as {@code \n} or {@code \r}, so that the
   * warning stays one line of log.
   */
  void add(long line, String shown) {
    if (examples.size() < EXAMPLES) {
      examples.add("line " + line + ": " + shown.replace("\r", "\\r").replace("\n", "\\n"));
    }
  }

  /**
   * Logs one warning naming the file, the count of rows and the examples, and gives it to {@code
   * sink}; nothing for none.
   */
  void log(Logger log, Path file, long count, Consumer<String> sink) {
    if (count == 0) {
      return;
    }
    String warning =
        file
            + ": "
            + count
            + " "
            + (count == 1 ? "row " + one : "rows " + many)
            + " ("
            + String.join(", ", examples)
            + (count > examples.size() ? ", ..." : "")
            + ")";
    log.warn(warning);
    sink.accept(warning);
  }
}
