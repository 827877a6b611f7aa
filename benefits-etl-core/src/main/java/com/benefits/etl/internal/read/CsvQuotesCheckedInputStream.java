package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Passes a CSV file's bytes through while its quoting is RFC 4180's: a field that opens with a
 * quote closes with one (a doubled quote inside is an escaped quote), and is followed by a comma, a
 * line end or the end of the file. FastCSV 4.1 closes a quote left open at the end of the file by
 * itself, so an unclosed quote swallowed every row after it, silently (FastCSV issue #173); this
 * check makes that a fatal error naming the line and column where the quote opened.
 *
 * <p>Only quotes, commas and line ends (CR, LF, CRLF) matter, all ASCII, so the check works on
 * UTF-8 bytes. A quote inside an unquoted field is left to FastCSV, which reads it as text. As in
 * {@link Utf8CheckedInputStream}, the bytes before a problem are delivered first, so an earlier
 * error is still reported first; the read that reaches it throws an {@link InputError}. Lines and
 * columns are 1-based, columns in bytes (a leading byte-order mark counts).
 */
final class CsvQuotesCheckedInputStream extends BlockInputStream {
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;

  /** Inside a quoted field, just after a quote: it either closes the field or escapes a quote. */
  private static final int QUOTE_IN_QUOTED = 3;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Path file;
  private int state = FIELD_START;
  private long line = 1;
  private long column;
  private boolean afterCr;

  /** Bytes of a leading byte-order mark seen so far; -1 once past it, or past the start. */
  private int bomSeen;

  private long openLine;
  private long openColumn;
  private BadInputException problem;

  /** Rows that are not empty, as RFC 4180 splits them; complete once the end is read. */
  private long rows;

  private boolean rowHasContent;

  CsvQuotesCheckedInputStream(InputStream in, Path file) {
    super(in);
    this.file = file;
  }

  /**
   * The file's rows that are not empty lines (the header among them), once the end has been read:
   * what FastCSV should have returned.
   */
  long rows() {
    return rows;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (problem != null) {
      throw new InputError(problem);
    }
    int n = in.read(b, off, len);
    if (n < 0) {
      if (state == QUOTED) {
        throw new InputError(
            new BadInputException(
                file,
                openLine,
                openColumn,
                "the quoted field that opens here is never closed (no closing '\"' before the end of"
                    + " the file)",
                null));
      }
      if (rowHasContent) {
        rows++;
        rowHasContent = false;
      }
      return n;
    }
    for (int i = off; i < off + n; i++) {
      if (!accept(b[i])) {
        if (i == off) {
          throw new InputError(problem);
        }
        return i - off;
      }
    }
    return n;
  }

  /** Moves the state past one byte; false (with {@link #problem} set) if it breaks the quoting. */
  private boolean accept(byte c) {
    column++;
    if (bomSeen >= 0) { // at the start of the file: a byte-order mark is not part of a field
      if (c == BOM[bomSeen]) {
        bomSeen = bomSeen == BOM.length - 1 ? -1 : bomSeen + 1;
        return true;
      }
      if (bomSeen > 0) {
        state = UNQUOTED; // the bytes were the start of a character in the first field
      }
      bomSeen = -1;
    }
    boolean lineEnd = c == '\n' || c == '\r';
    switch (state) {
      case FIELD_START:
        if (c == '"') {
          state = QUOTED;
          openLine = line;
          openColumn = column;
        } else if (c != ',' && !lineEnd) {
          state = UNQUOTED;
        }
        break;
      case UNQUOTED:
        if (c == ',' || lineEnd) {
          state = FIELD_START;
        }
        break;
      case QUOTED:
        if (c == '"') {
          state = QUOTE_IN_QUOTED;
        }
        break;
      default: // QUOTE_IN_QUOTED
        if (c == '"') {
          state = QUOTED;
        } else if (c == ',' || lineEnd) {
          state = FIELD_START;
        } else {
          problem =
              new BadInputException(
                  file,
                  line,
                  column,
                  "a field's closing '\"' is followed by"
                      + " other text; a quoted field must end at a comma or a line end, and a '\"' inside"
                      + " it must be doubled",
                  null);
          return false;
        }
        break;
    }
    if (lineEnd && state == FIELD_START) {
      if (rowHasContent) {
        rows++;
      }
      rowHasContent = false;
    } else {
      rowHasContent = true;
    }
    if (c == '\n') {
      if (!afterCr) {
        line++;
      }
      column = 0;
    } else if (c == '\r') {
      line++;
      column = 0;
    }
    afterCr = c == '\r';
    return true;
  }
}
