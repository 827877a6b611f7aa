package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Bad input that stops a run (docs/spec.md, section 4): a missing or unreadable file, a malformed
 * JSON array, a users file without a required column, an output directory that cannot be written.
 * The message names the file and, where it applies, the line and column, and says what was
 * expected. Bad <em>records</em> never raise this: they go to the rejects.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final long line;
  private final long column;

  /** A problem with the file as a whole. */
  public BadInputException(Path file, String problem) {
    this(file, -1, -1, problem, null);
  }

  /** A problem with the file as a whole, caused by an I/O error. */
  public BadInputException(Path file, String problem, Throwable cause) {
    this(file, -1, -1, problem, cause);
  }

  /** A problem at a position; {@code column} may be -1 when only the line is known. */
  public BadInputException(Path file, long line, long column, String problem, Throwable cause) {
    super(format(file, line, column, problem), cause);
    this.file = requireNonNull(file, "file is null");
    this.line = line;
    this.column = column;
  }

  private static String format(Path file, long line, long column, String problem) {
    StringBuilder b = new StringBuilder().append(requireNonNull(file, "file is null"));
    if (line > 0) {
      b.append(", line ").append(line);
      if (column > 0) {
        b.append(", column ").append(column);
      }
    }
    return b.append(": ").append(requireNonNull(problem, "problem is null")).toString();
  }

  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, if known. */
  public OptionalLong line() {
    return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
  }

  /** The 1-based column of the problem, if known. */
  public OptionalLong column() {
    return column > 0 ? OptionalLong.of(column) : OptionalLong.empty();
  }
}
