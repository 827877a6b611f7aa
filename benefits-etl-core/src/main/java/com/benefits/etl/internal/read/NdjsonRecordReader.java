package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.rules.ByteRecordChecker;
import com.benefits.etl.internal.rules.RecordChecker;
import com.benefits.etl.internal.rules.Rejection;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Records of a newline-delimited JSON file: each non-blank line is one record, parsed on its own,
 * so a line that is not a JSON object is a {@code malformed_record} and the run goes on
 * (docs/spec.md 1.1). Lines end with LF or CRLF; blank lines (only spaces, tabs or CR) are not
 * records. A line longer than {@link ReadLimits#maxRecordBytes()} is a {@code malformed_record}
 * too; only its first bytes are kept.
 */
final class NdjsonRecordReader implements RecordReader {
  private final Path file;
  private final InputStream in;
  private final JsonFactory factory;
  private final ReadLimits limits;

  /** Reads the common line without Jackson; null when Jackson reads every line. */
  private final ByteRecordChecker bytes;

  private final byte[] buffer = new byte[1 << 16];
  private int bufferPos;
  private int bufferLimit;
  private boolean eof;
  private byte[] line = new byte[1 << 10];
  private int lineLength;

  /** The whole line's length in bytes, which may exceed what {@code line} keeps. */
  private long lineBytes;

  /** The line's last byte read, kept even when the line is longer than {@code line} holds. */
  private byte lastByte;

  private long lineNumber;

  /** Bytes read from the stream so far, and where the current line began among them. */
  private long consumed;

  private long lineStart;
  private long byJackson;
  private CheckedRecord current;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * @param byteChecker whether a {@link ByteRecordChecker} reads each line first; Jackson then
   *     reads only the lines it declines (the outcome is the same either way)
   */
  NdjsonRecordReader(
      Path file, InputStream in, JsonFactory factory, ReadLimits limits, boolean byteChecker) {
    this(file, in, factory, limits, byteChecker, 1);
  }

  /**
   * A reader whose first line is line {@code firstLine} of the file (a part of a file that was
   * split, whose earlier lines another reader reads).
   */
  NdjsonRecordReader(
      Path file,
      InputStream in,
      JsonFactory factory,
      ReadLimits limits,
      boolean byteChecker,
      long firstLine) {
    this.lineNumber = firstLine - 1;
    this.file = file;
    this.in = in;
    this.factory = factory;
    this.limits = limits;
    this.bytes =
        byteChecker
            ? new ByteRecordChecker(
                limits.maxNestingDepth(), limits.maxNumberLength(), limits.maxNameLength())
            : null;
  }

  @Override
  public boolean next() {
    while (nextLine()) {
      if (!isBlank()) {
        checkLine();
        return true;
      }
    }
    current = null;
    return false;
  }

  /**
   * Reads the next line, blank or not, without checking it; false at end of input. {@link
   * #lineStart()} then tells where it began, {@link #isBlank()} whether it is a record, and {@link
   * #checkLine()} checks it.
   */
  boolean nextLine() {
    try {
      lineStart = consumed - (bufferLimit - bufferPos);
      return readLine();
    } catch (IOException e) {
      throw new BadInputException(file, lineNumber + 1, -1, ReadFailures.describe(e), e);
    }
  }

  /** The 1-based number of the line last read. */
  long lineNumber() {
    return lineNumber;
  }

  /** How many bytes of the stream came before the line last read. */
  long lineStart() {
    return lineStart;
  }

  /** Steps 1-3 for the line last read by {@link #nextLine()}, which must not be blank. */
  CheckedRecord checkLine() {
    try {
      current = check();
      return current;
    } catch (IOException e) {
      throw new BadInputException(file, lineNumber, -1, ReadFailures.describe(e), e);
    }
  }

  private CheckedRecord check() throws IOException {
    // Decoded here, strictly, rather than handing Jackson the bytes: Jackson guesses UTF-16/32 from
    // NUL bytes at the start of a byte source (and throws a CharConversionException, which is not a
    // JsonProcessingException, for some patterns), so a corrupt line could stop the run.
    if (lineBytes > limits.maxRecordBytes()) {
      return malformed(
          "line "
              + lineNumber
              + " is "
              + lineBytes
              + " bytes long, more than the"
              + " limit of "
              + limits.maxRecordBytes()
              + " bytes for one record (see docs/limits.md)");
    }
    if (bytes != null) {
      CheckedRecord checked = checkBytes();
      if (checked != null) {
        return checked;
      }
    }
    byJackson++;
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(line, 0, lineLength)).toString();
    } catch (CharacterCodingException e) {
      return malformed("line " + lineNumber + " is not valid UTF-8");
    }
    try (JsonParser p = factory.createParser(text)) {
      p.nextToken();
      CheckedRecord checked = RecordChecker.check(p);
      if (p.nextToken() != null) {
        return malformed(
            "line "
                + lineNumber
                + " has unexpected content after the JSON value, at"
                + " column "
                + column(text, p.currentTokenLocation()));
      }
      return checked;
    } catch (JsonProcessingException e) {
      JsonLocation at = JacksonArrayRecordReader.errorLocation(e);
      String where = at == null ? "" : " at column " + column(text, at);
      return malformed(
          "line "
              + lineNumber
              + " is not valid JSON"
              + where
              + ": "
              + JacksonArrayRecordReader.withoutJacksonHint(
                  JacksonArrayRecordReader.firstLine(e.getOriginalMessage())));
    }
  }

  /**
   * The 1-based column of {@code at} in the line, in bytes as for a JSON array; Jackson's own
   * column restarts after a carriage return, which it counts as a line break.
   */
  private static long column(String line, JsonLocation at) {
    long chars = at.getCharOffset();
    if (chars < 0 || chars > line.length()) {
      return at.getColumnNr();
    }
    return line.substring(0, (int) chars).getBytes(StandardCharsets.UTF_8).length + 1;
  }

  /**
   * Steps 1-3 by the {@link ByteRecordChecker} when the line is one value it reads, with only
   * blanks around it; null otherwise. It accepts well-formed UTF-8 only, so such a line would also
   * have passed the strict decoding below.
   */
  private CheckedRecord checkBytes() {
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, lineLength + 1);
    }
    line[lineLength] = '\n'; // ends a number or literal at the end of the line
    int p = 0;
    while (p < lineLength && ByteRecordChecker.isBlank(line[p])) {
      p++;
    }
    int end = bytes.check(line, p, lineLength + 1);
    if (end < 0) {
      return null;
    }
    for (int i = end; i < lineLength; i++) {
      if (!ByteRecordChecker.isBlank(line[i])) {
        return null;
      }
    }
    return bytes.result();
  }

  private static CheckedRecord malformed(String detail) {
    return new CheckedRecord(null, new Rejection(RejectReason.MALFORMED_RECORD, detail));
  }

  /** How many lines Jackson parsed (for the tests). */
  long parsedByJackson() {
    return byJackson;
  }

  @Override
  public CheckedRecord checked() {
    return current;
  }

  @Override
  public String rawRecord() {
    return RawText.of(line, 0, lineLength, lineBytes, limits.rawRecordCap());
  }

  @Override
  public void rawRecordTo(RawRecords batch) {
    batch.add(line, 0, lineLength, lineBytes, limits.rawRecordCap(), false); // maybe not UTF-8
  }

  /** Whether the line last read holds only blanks (it is then not a record). */
  boolean isBlank() {
    for (int i = 0; i < lineLength; i++) {
      if (!ByteRecordChecker.isBlank(line[i])) {
        return false;
      }
    }
    return true;
  }

  /** Reads the next line (without its LF or CRLF) into {@code line}; false at end of input. */
  private boolean readLine() throws IOException {
    lineLength = 0;
    lineBytes = 0;
    boolean any = false;
    while (true) {
      if (bufferPos == bufferLimit) {
        if (eof || !fill()) {
          if (any && lineBytes > 0 && lastByte == '\r') {
            dropCr();
          }
          if (any) {
            lineNumber++;
          }
          return any;
        }
      }
      any = true;
      int start = bufferPos;
      int nl = -1;
      for (int i = start; i < bufferLimit; i++) {
        if (buffer[i] == '\n') {
          nl = i;
          break;
        }
      }
      int stop = nl < 0 ? bufferLimit : nl;
      append(start, stop - start);
      if (nl >= 0) {
        bufferPos = nl + 1;
        if (lineBytes > 0 && lastByte == '\r') {
          dropCr();
        }
        lineNumber++;
        return true;
      }
      bufferPos = bufferLimit;
    }
  }

  private void dropCr() {
    if (lineLength == lineBytes) {
      lineLength--;
    }
    lineBytes--;
  }

  /** Keeps at most one byte more than the record limit; counts the rest. */
  private void append(int from, int count) {
    if (count == 0) {
      return;
    }
    lineBytes += count;
    lastByte = buffer[from + count - 1];
    count = (int) Math.min(count, (long) limits.maxRecordBytes() + 1 - lineLength);
    if (count <= 0) {
      return;
    }
    if (lineLength + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
    }
    System.arraycopy(buffer, from, line, lineLength, count);
    lineLength += count;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    bufferPos = 0;
    bufferLimit = n;
    consumed += n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
