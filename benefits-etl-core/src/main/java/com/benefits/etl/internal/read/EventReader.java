package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.EventsFormat;
import com.benefits.etl.internal.model.CheckedRecord;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the records of an events file (docs/spec.md 1.1), whatever its layout: a JSON array or
 * NDJSON, detected from the first non-blank byte, optionally gzipped (detected from the gzip magic
 * bytes; a {@code .gz} name that is not gzip data is an error). A UTF-8 byte-order mark is skipped.
 */
public final class EventReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventReader.class);
  private static final int BUFFER = 1 << 16;
  private static final int READ_AHEAD_CHUNK = 1 << 20;
  private static final int READ_AHEAD_CHUNKS = 4;
  private static final String NOT_UTF8 =
      "the JSON array is not well-formed: the bytes %s are not"
          + " valid UTF-8 (JSON text must be UTF-8)";

  private final Path file;
  private final EventsFormat format;
  private final boolean gzip;
  private final RecordReader records;
  private final ReadLimits limits;
  private final List<String> warnings;
  private final CountingInputStream counted;
  private final long bytesTotal;
  private long index = -1;

  private EventReader(
      Path file,
      EventsFormat format,
      boolean gzip,
      RecordReader records,
      ReadLimits limits,
      List<String> warnings,
      CountingInputStream counted,
      long bytesTotal) {
    this.warnings = List.copyOf(warnings);
    this.counted = counted;
    this.bytesTotal = bytesTotal;
    this.file = file;
    this.format = format;
    this.gzip = gzip;
    this.records = records;
    this.limits = limits;
  }

  /**
   * Opens an events file.
   *
   * @throws BadInputException if the file is missing, unreadable, or not an array/NDJSON/gzip file
   *     it claims to be
   */
  public static EventReader open(Path file) {
    return open(file, ReadLimits.DEFAULT);
  }

  /** Opens an events file, enforcing {@code limits}. */
  public static EventReader open(Path file, ReadLimits limits) {
    return open(file, file, limits, true);
  }

  /**
   * Opens the events in {@code data}, naming them {@code shownAs} in every message (a copy of
   * standard input is shown as {@code -}).
   */
  public static EventReader open(Path data, Path shownAs) {
    return open(data, shownAs, ReadLimits.DEFAULT, true);
  }

  /**
   * Opens an events file; {@code byteChecker} false reads every record with Jackson alone (the
   * reference the tests compare the faster readers with).
   */
  static EventReader open(Path file, ReadLimits limits, boolean byteChecker) {
    return open(file, file, limits, byteChecker);
  }

  private static EventReader open(Path source, Path file, ReadLimits limits, boolean byteChecker) {
    InputFiles.requireReadableFile(source, file, "events file");
    return open(file, () -> Files.newInputStream(source), size(source), limits, byteChecker);
  }

  /**
   * Opens an events file that is not on the local file system (an engine reading s3a:// or hdfs://
   * opens it through its own file system): {@code source} opens its bytes, anew from the start at
   * each call; {@code file} names it in messages, and its name tells a {@code .gz} file.
   */
  public static EventReader open(Path file, Source source, ReadLimits limits) {
    return open(file, source, -1, limits, true);
  }

  /** Opens an events file's bytes, from the start, at each call. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /** {@code size} is the file's size in bytes, or -1 when not known. */
  private static EventReader open(
      Path file, Source source, long size, ReadLimits limits, boolean byteChecker) {
    Data data = null;
    try {
      CountingInputStream counted = new CountingInputStream(source.open());
      data = Data.open(counted, file);
      JsonFactory json = limits.jsonFactory();
      RecordReader records;
      if (data.format() == EventsFormat.NDJSON) {
        records = new NdjsonRecordReader(file, data.stream(), json, limits, byteChecker);
      } else {
        // An array's bytes must be UTF-8 throughout (NDJSON checks each line instead).
        Source raw = () -> Data.open(source.open(), file).stream();
        InputStream checked = new Utf8CheckedInputStream(data.stream(), file, raw, NOT_UTF8);
        if (byteChecker && limits.maxNestingDepth() >= 2) {
          records =
              new JsonArrayRecordReader(
                  file,
                  checked,
                  () -> new Utf8CheckedInputStream(raw.open(), file, raw, NOT_UTF8),
                  json,
                  limits);
        } else {
          records = new JacksonArrayRecordReader(file, checked, json, limits);
        }
      }
      List<String> warnings = new ArrayList<>();
      data.looksLike()
          .ifPresent(
              kind -> {
                String w = file + " looks like " + kind + "; its records will be rejected";
                LOG.warn(w);
                warnings.add(w);
              });
      return new EventReader(
          file, data.format(), data.gzip(), records, limits, warnings, counted, size);
    } catch (IOException e) {
      closeQuietly(data);
      throw new BadInputException(file, ReadFailures.describe(e), new UncheckedIOException(e));
    } catch (RuntimeException e) {
      closeQuietly(data);
      throw e;
    }
  }

  /** A file's data after any gzip layer and byte-order mark, and what it turned out to be. */
  private record Data(
      InputStream stream, boolean gzip, EventsFormat format, Optional<String> looksLike) {
    static Data open(InputStream raw, Path file) throws IOException {
      InputStream in = new BufferedInputStream(raw, BUFFER);
      try {
        boolean gzip = isGzip(in);
        Optional<String> looksLike = InputSniffer.compressedOrBinary(InputSniffer.peek(in));
        if (!gzip && file.getFileName().toString().endsWith(".gz")) {
          throw new BadInputException(
              file, "the name ends in .gz but the content is not gzip data");
        }
        if (gzip) {
          // Inflated on a thread of its own, a chunk ahead of the parser: inflating is a quarter
          // of the reading thread's work. On 10M events (1.6 GB, 258 MB gzipped), 3 alternating
          // pairs: that thread's CPU fell by 3.3-3.7 s and the run by 2.3-2.6 s.
          // GZIPInputStream only throws from a read that inflated nothing, and the read-ahead
          // reports no bytes available, so the buffer over it never reads twice in one call:
          // every byte before a truncated or corrupt part is delivered before its error.
          in =
              new BufferedInputStream(
                  new ReadAheadInputStream(
                      new GZIPInputStream(in, BUFFER),
                      READ_AHEAD_CHUNK,
                      READ_AHEAD_CHUNKS,
                      "events-inflater"),
                  BUFFER);
        }
        if (looksLike.isEmpty()) {
          looksLike = InputSniffer.notJsonText(InputSniffer.peek(in));
        }
        ByteArrayOutputStream prefix = new ByteArrayOutputStream();
        int first = skipBomAndBlanks(in, prefix);
        InputStream stream =
            new SequenceInputStream(new ByteArrayInputStream(prefix.toByteArray()), in);
        return new Data(
            stream, gzip, first == '[' ? EventsFormat.ARRAY : EventsFormat.NDJSON, looksLike);
      } catch (IOException | RuntimeException e) {
        closeQuietly(in);
        throw e;
      }
    }
  }

  private static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b;
  }

  /**
   * Consumes a UTF-8 BOM and the blank bytes after it, keeping the blanks in {@code prefix} (so
   * line and column numbers stay right); returns the first non-blank byte, or -1 at end of input.
   */
  private static int skipBomAndBlanks(InputStream in, ByteArrayOutputStream prefix)
      throws IOException {
    in.mark(3);
    if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
      in.reset();
    }
    int b;
    while ((b = in.read()) == ' ' || b == '\t' || b == '\r' || b == '\n') {
      prefix.write(b);
    }
    if (b >= 0) {
      prefix.write(b);
    }
    return b;
  }

  private static void closeQuietly(Data data) {
    if (data != null) {
      closeQuietly(data.stream());
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // already failing; the first error is the one reported
      }
    }
  }

  /** Advances to the next record; false at the end of the file. */
  public boolean next() {
    if (records.next()) {
      index++;
      return true;
    }
    return false;
  }

  /** 0-based index of the current record among the records read. */
  public long index() {
    return index;
  }

  /**
   * Steps 1–3 of docs/spec.md for the current record; a rejection's detail is cut to {@link
   * ReadLimits#detailCap()} characters.
   */
  public CheckedRecord checked() {
    return limits.capDetail(records.checked());
  }

  /**
   * The current record's text as written, cut to {@link ReadLimits#rawRecordCap()} bytes with a
   * marker giving its full length; valid until {@link #next()}.
   */
  public String rawRecord() {
    return records.rawRecord();
  }

  /**
   * Adds the current record's raw text, as {@link #rawRecord()} gives it, to {@code batch}: kept
   * there after {@link #next()}, and made a string only if asked for.
   */
  public void rawRecordTo(RawRecords batch) {
    records.rawRecordTo(batch);
  }

  /** How many records have been read so far. */
  public long recordsRead() {
    return index + 1;
  }

  public Path file() {
    return file;
  }

  public EventsFormat format() {
    return format;
  }

  public boolean gzip() {
    return gzip;
  }

  /** Bytes of the file read so far (of the compressed file for gzip); safe from any thread. */
  public long bytesRead() {
    return counted.count();
  }

  /** The file's size when it was opened, or -1 when it has none (a pipe). */
  public long bytesTotal() {
    return bytesTotal;
  }

  private static long size(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Warnings about the file's kind, logged when it was opened (a CSV, UTF-16, zstd...). */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public void close() {
    try {
      records.close();
    } catch (IOException e) {
      throw new BadInputException(
          file, "cannot close: " + e.getMessage(), new UncheckedIOException(e));
    }
  }
}
