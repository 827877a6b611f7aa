package com.benefits.etl.internal.read;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.BadInputException;
import com.benefits.etl.internal.model.CheckedRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The records of one part of an NDJSON file, for an engine that splits a file across tasks (the
 * Spark engine). A part is a byte range {@code [start, end)} of the file and holds the lines that
 * begin in it, so every line belongs to exactly one part: a part after the first skips the line it
 * starts inside of (its previous part reads it to its end), and reads its own last line past {@code
 * end}. Lines are read and checked by the same {@link NdjsonRecordReader} as a whole file's, so
 * every record gets the same outcome, {@code detail} and {@code raw_record} (a UTF-8 byte-order
 * mark is skipped only at the file's start; blank lines are not records).
 *
 * <p>Line numbers are the file's: the caller passes the number of the part's first line, which a
 * first pass finds by counting each part's lines with {@link #count()}.
 */
public final class NdjsonSplitReader implements AutoCloseable {
  private final NdjsonRecordReader lines;
  private final ReadLimits limits;
  private final long end;

  /** Where the stream given to {@link #lines} starts in the file. */
  private final long base;

  /** The first line of the file, which its first part owns even when a BOM comes before it. */
  private boolean firstOfFile;

  private boolean done;
  private CheckedRecord current;

  private NdjsonSplitReader(
      NdjsonRecordReader lines, ReadLimits limits, long base, long end, boolean firstOfFile) {
    this.lines = lines;
    this.limits = limits;
    this.base = base;
    this.end = end;
    this.firstOfFile = firstOfFile;
  }

  /**
   * Opens the part {@code [start, end)} of an NDJSON file.
   *
   * @param file names the file in messages
   * @param in the file's bytes from offset {@code start - 1} (from offset 0 when {@code start} is
   *     0); closed by {@link #close()}
   * @param firstLine the 1-based number of the first line that begins in the part
   */
  public static NdjsonSplitReader open(
      Path file, InputStream in, long start, long end, long firstLine, ReadLimits limits) {
    requireNonNull(file, "file is null");
    requireNonNull(in, "in is null");
    requireNonNull(limits, "limits is null");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a byte range: [" + start + ", " + end + ")");
    }
    try {
      InputStream data = new BufferedInputStream(in, 1 << 16);
      long base;
      if (start == 0) {
        base = skipBom(data);
      } else {
        base = start - 1 + skipPastNewline(data);
      }
      NdjsonRecordReader lines =
          new NdjsonRecordReader(file, data, limits.jsonFactory(), limits, true, firstLine);
      return new NdjsonSplitReader(lines, limits, base, end, start == 0);
    } catch (IOException e) {
      throw new BadInputException(file, firstLine, -1, ReadFailures.describe(e), e);
    }
  }

  /** Consumes a UTF-8 BOM if the data starts with one; returns the bytes consumed. */
  private static long skipBom(InputStream in) throws IOException {
    in.mark(3);
    if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
      return 3;
    }
    in.reset();
    return 0;
  }

  /** Consumes bytes up to and including the first LF; returns how many. */
  private static long skipPastNewline(InputStream in) throws IOException {
    long n = 0;
    int b;
    while ((b = in.read()) >= 0) {
      n++;
      if (b == '\n') {
        break;
      }
    }
    return n;
  }

  /** Reads the part's next line, blank or not; false after its last. */
  private boolean nextLine() {
    if (done) {
      return false;
    }
    if (!lines.nextLine() || (!firstOfFile && base + lines.lineStart() >= end)) {
      done = true;
      return false;
    }
    firstOfFile = false;
    return true;
  }

  /** Advances to the part's next record and checks it (steps 1-3); false after its last. */
  public boolean next() {
    while (nextLine()) {
      if (!lines.isBlank()) {
        current = limits.capDetail(lines.checkLine());
        return true;
      }
    }
    current = null;
    return false;
  }

  /** The current record's outcome of steps 1-3, its detail capped as {@link EventReader}'s. */
  public CheckedRecord checked() {
    return current;
  }

  /** The current record's line, as {@link EventReader#rawRecord()} gives it. */
  public String rawRecord() {
    return lines.rawRecord();
  }

  /** The 1-based line number of the current record in the file. */
  public long lineNumber() {
    return lines.lineNumber();
  }

  /**
   * Reads the rest of the part without checking it: how many lines begin in it and how many of them
   * are records (not blank).
   */
  public Counts count() {
    long lineCount = 0;
    long records = 0;
    while (nextLine()) {
      lineCount++;
      if (!lines.isBlank()) {
        records++;
      }
    }
    return new Counts(lineCount, records);
  }

  /** A part's lines and records (its non-blank lines). */
  public record Counts(long lines, long records) {}

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
