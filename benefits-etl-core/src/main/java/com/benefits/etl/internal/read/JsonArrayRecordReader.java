package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.rules.ByteRecordChecker;
import com.benefits.etl.internal.rules.RecordChecker;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records of a JSON array, read in three tiers so that the common record is cheap and every
 * outcome, and every error, is exactly {@link JacksonArrayRecordReader}'s:
 *
 * <ol>
 *   <li>The array's commas and blanks are read here, and each element goes to a {@link
 *       ByteRecordChecker} over the bytes in a buffer.
 *   <li>An element it declines is parsed on its own by Jackson and {@link RecordChecker}.
 *   <li>Anything else (a syntax error, a file cut short, an element larger than the limit, content
 *       after the array) hands the rest of the file to a {@link JacksonArrayRecordReader} opened
 *       afresh: it skips the records already read and goes on from there, and reports the error
 *       with the line and column it always does.
 * </ol>
 */
final class JsonArrayRecordReader implements RecordReader {
  private static final Logger LOG = LoggerFactory.getLogger(JsonArrayRecordReader.class);
  private static final int INITIAL_BUFFER = 1 << 20;

  /** Bytes kept ahead of the current position before each element, when the file has them. */
  private static final int READ_AHEAD = 1 << 16;

  private final Path file;

  /** Opens the file's data again, from its first byte, for the third tier. */
  private final EventReader.Source source;

  private final JsonFactory factory;

  /** Parses one element as the second tier; one level shallower, since no array encloses it. */
  private final JsonFactory elementFactory;

  private final ReadLimits limits;
  private final ByteRecordChecker bytes;
  private InputStream in;
  private byte[] buf = new byte[INITIAL_BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private boolean started;
  private boolean ended;
  private long records;
  private long byJackson;
  private int start;
  private int end;
  private CheckedRecord current;

  /** The third tier, once it has taken over. */
  private JacksonArrayRecordReader jackson;

  /**
   * @param in the file's data, from its first byte (after any byte-order mark) on
   * @param source opens the same data again, should the third tier be needed
   */
  JsonArrayRecordReader(
      Path file,
      InputStream in,
      EventReader.Source source,
      JsonFactory factory,
      ReadLimits limits) {
    if (limits.maxNestingDepth() < 2) {
      throw new IllegalArgumentException("a nesting limit under 2 leaves no room for records");
    }
    this.file = file;
    this.in = in;
    this.source = source;
    this.factory = factory;
    this.elementFactory = limits.withMaxNestingDepth(limits.maxNestingDepth() - 1).jsonFactory();
    this.limits = limits;
    this.bytes =
        new ByteRecordChecker(
            limits.maxNestingDepth(), limits.maxNumberLength(), limits.maxNameLength());
  }

  @Override
  public boolean next() {
    if (jackson != null) {
      return jackson.next();
    }
    current = null;
    if (ended) {
      return false;
    }
    try {
      fill(READ_AHEAD);
      int p = blanks(pos);
      if (!started) {
        if (p >= limit || buf[p] != '[') {
          return handOver();
        }
        started = true;
        p = blanks(p + 1);
        if (p < limit && buf[p] == ']') {
          return endOfArray(p + 1);
        }
      } else if (p < limit && buf[p] == ',') {
        p = blanks(p + 1);
      } else if (p < limit && buf[p] == ']') {
        return endOfArray(p + 1);
      } else {
        return handOver();
      }
      pos = p;
      return element();
    } catch (IOException e) {
      // A read failure (a corrupt gzip stream, say): the third tier meets it at the same byte and
      // reports it with its position.
      return handOver();
    }
  }

  /** Reads the element at {@code pos}, with the first tier, else the second, else the third. */
  private boolean element() throws IOException {
    while (true) {
      int cap = (int) Math.min(limit, pos + (long) limits.maxRecordBytes());
      int e = bytes.check(buf, pos, cap);
      CheckedRecord checked = bytes.result();
      if (e == ByteRecordChecker.DECLINED) {
        e = parseAlone(cap);
        checked = current;
        if (e == ByteRecordChecker.DECLINED) {
          return handOver();
        }
        byJackson += e >= 0 ? 1 : 0;
      }
      if (e >= 0) {
        start = pos;
        end = e;
        pos = e;
        current = checked;
        records++;
        return true;
      }
      if (eof || limit - pos >= limits.maxRecordBytes()) {
        return handOver(); // cut short, or too large: the third tier says which, and where
      }
      fill(Math.max(2 * (limit - pos), READ_AHEAD));
    }
  }

  /**
   * The second tier: Jackson parses the element at {@code pos} alone, up to {@code cap}. Returns
   * the element's end, with its outcome in {@code current}; or {@link ByteRecordChecker#INCOMPLETE}
   * if it goes on past {@code cap}; or {@link ByteRecordChecker#DECLINED} on any error, which the
   * third tier will report.
   */
  private int parseAlone(int cap) throws IOException {
    try (JsonParser p = elementFactory.createParser(buf, pos, cap - pos)) {
      p.nextToken();
      CheckedRecord checked = RecordChecker.check(p);
      p.finishToken();
      current = checked;
      int end = pos + (int) p.currentLocation().getByteOffset();
      // A number at the root is checked for a blank after it, which Jackson then counts as read;
      // no element ends with a blank.
      while (end > pos && ByteRecordChecker.isBlank(buf[end - 1])) {
        end--;
      }
      return end;
    } catch (JsonEOFException e) {
      return ByteRecordChecker.INCOMPLETE;
    } catch (IOException e) {
      // A syntax error, or a limit: the third tier reports it exactly as a whole-file parse does.
      return ByteRecordChecker.DECLINED;
    }
  }

  /** After the closing bracket, only blanks may follow. */
  private boolean endOfArray(int p) throws IOException {
    pos = p;
    while (true) {
      pos = blanks(pos);
      if (pos < limit) {
        return handOver();
      }
      if (eof) {
        ended = true;
        if (byJackson > 0) {
          LOG.debug("{}: {} of {} records were parsed by Jackson", file, byJackson, records);
        }
        return false;
      }
      fill(READ_AHEAD);
    }
  }

  /**
   * The third tier: a {@link JacksonArrayRecordReader} over the file opened afresh skips the
   * records read so far and reads the rest.
   */
  private boolean handOver() {
    LOG.debug("{}: Jackson reads on from record {}", file, records);
    try {
      in.close();
    } catch (IOException ignored) {
      // the data is read again from the start
    }
    buf = new byte[0];
    InputStream again;
    try {
      again = source.open();
    } catch (IOException e) {
      throw new BadInputException(file, ReadFailures.describe(e), new UncheckedIOException(e));
    }
    jackson = new JacksonArrayRecordReader(file, again, factory, limits);
    for (long i = 0; i < records; i++) {
      jackson.skip();
    }
    return jackson.next();
  }

  /** The offset of the first non-blank byte at or after {@code p} (or {@code limit}). */
  private int blanks(int p) throws IOException {
    while (true) {
      while (p < limit) {
        if (!ByteRecordChecker.isBlank(buf[p])) {
          return p;
        }
        p++;
      }
      if (eof) {
        return p;
      }
      pos = p;
      fill(READ_AHEAD);
      p = pos;
    }
  }

  /**
   * Makes at least {@code wanted} bytes available from {@code pos} on (fewer at the end of the
   * file), moving the unread bytes to the front and growing the buffer as needed.
   */
  private void fill(int wanted) throws IOException {
    if (limit - pos >= wanted || eof) {
      return;
    }
    if (pos + wanted > buf.length) {
      byte[] target = wanted > buf.length ? new byte[Math.max(wanted, 2 * buf.length)] : buf;
      System.arraycopy(buf, pos, target, 0, limit - pos);
      buf = target;
      limit -= pos;
      pos = 0;
    }
    while (limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return;
      }
      limit += n;
    }
  }

  /** How many elements the second tier parsed (for the log and the tests). */
  long parsedByJackson() {
    return byJackson;
  }

  @Override
  public CheckedRecord checked() {
    return jackson != null ? jackson.checked() : current;
  }

  @Override
  public String rawRecord() {
    if (jackson != null) {
      return jackson.rawRecord();
    }
    return RawText.of(buf, start, end - start, end - start, limits.rawRecordCap());
  }

  @Override
  public void rawRecordTo(RawRecords batch) {
    if (jackson != null) {
      jackson.rawRecordTo(batch);
    } else {
      // The array's input stream lets only well-formed UTF-8 through.
      batch.add(buf, start, end - start, end - start, limits.rawRecordCap(), true);
    }
  }

  @Override
  public void close() throws IOException {
    if (jackson != null) {
      jackson.close();
    }
    in.close();
  }
}
