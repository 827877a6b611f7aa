package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.rules.RecordChecker;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Records of a JSON array, streamed with one Jackson parser. Any syntax error, a file that ends
 * before the array is closed, or an element beyond the {@link ReadLimits}, is fatal (docs/spec.md
 * 1.1) and reported with its line and column. The reference for {@link JsonArrayRecordReader},
 * which hands files over to it when they go beyond what its own tiers read.
 */
final class JacksonArrayRecordReader implements RecordReader {
  private final Path file;
  private final ReadLimits limits;
  private final RetainingInputStream retained;
  private JsonParser parser;
  private CheckedRecord current;
  private long start;
  private long end;
  private long startLine;
  private long startColumn;
  private boolean inRecord;

  JacksonArrayRecordReader(Path file, InputStream in, JsonFactory factory, ReadLimits limits) {
    this.file = file;
    this.limits = limits;
    this.retained = new RetainingInputStream(in, limits.maxRecordBytes());
    try {
      this.parser = factory.createParser(retained);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new BadInputException(file, "expected a JSON array starting with [");
      }
    } catch (IOException e) {
      throw fatal(e);
    }
  }

  @Override
  public boolean next() {
    current = null;
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        if (parser.nextToken() != null) {
          JsonLocation at = parser.currentTokenLocation();
          throw new BadInputException(
              file,
              at.getLineNr(),
              at.getColumnNr(),
              "unexpected content after the end of the JSON array",
              null);
        }
        return false;
      }
      if (t == null) {
        JsonLocation at = parser.currentLocation();
        throw new BadInputException(
            file,
            at.getLineNr(),
            at.getColumnNr(),
            "the file ends before the JSON array is closed (truncated file?): expected , or ]",
            null);
      }
      JsonLocation at = parser.currentTokenLocation();
      start = at.getByteOffset();
      startLine = at.getLineNr();
      startColumn = at.getColumnNr();
      retained.keepFrom(start);
      retained.limitFrom(start);
      inRecord = true;
      current = RecordChecker.check(parser);
      parser.finishToken();
      end = parser.currentLocation().getByteOffset();
      inRecord = false;
      retained.limitFrom(end);
      return true;
    } catch (IOException e) {
      throw fatal(e);
    }
  }

  /**
   * Skips the next element, which an earlier reading of the same file found well formed, so it is
   * not checked again.
   */
  void skip() {
    try {
      parser.nextToken();
      long at = parser.currentTokenLocation().getByteOffset();
      retained.keepFrom(at); // as next() does: the size limit counts from each element's start
      retained.limitFrom(at);
      parser.skipChildren();
    } catch (IOException e) {
      throw fatal(e);
    }
  }

  @Override
  public CheckedRecord checked() {
    return current;
  }

  @Override
  public String rawRecord() {
    return retained.text(start, end, limits.rawRecordCap());
  }

  private BadInputException fatal(IOException e) {
    if (e instanceof InputError) {
      return ((InputError) e).error();
    }
    if (e instanceof RecordTooLargeException) {
      JsonLocation here = where(null);
      return new BadInputException(
          file,
          inRecord ? startLine : line(here),
          inRecord ? startColumn : column(here),
          "the record starting here is larger than the limit of "
              + limits.maxRecordBytes()
              + " bytes for one record (see docs/limits.md)",
          e);
    }
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      JsonLocation at = where(errorLocation(j));
      String what = firstLine(j.getOriginalMessage());
      int marker = what.indexOf(" (start marker at");
      if (marker >= 0) {
        what = what.substring(0, marker);
      }
      String problem;
      if (e instanceof StreamConstraintsException) {
        problem =
            "a value is beyond the reader's limits (see docs/limits.md): "
                + withoutJacksonHint(what);
      } else if (e instanceof JsonEOFException) {
        problem = "the file ends before the JSON array is closed (truncated file?): " + what;
      } else {
        problem = "the JSON array is not well-formed: " + what;
      }
      return new BadInputException(file, line(at), column(at), problem, e);
    }
    JsonLocation at = where(null);
    return new BadInputException(
        file, line(at), column(at), ReadFailures.describe(e), new UncheckedIOException(e));
  }

  /**
   * Where a parse error is, as Jackson reports it (may be null); but a token it cannot read ({@code
   * xyz}, {@code tru}), which Jackson places where the token ends, at the token's start. Jackson
   * gives that start at the top level and in an array, not as a field's value (its token location
   * is then the field name's), where the end stays.
   */
  static JsonLocation errorLocation(JsonProcessingException e) {
    if (e instanceof JsonParseException p
        && p.getProcessor() != null
        && !p.getProcessor().getParsingContext().inObject()
        && String.valueOf(e.getOriginalMessage()).startsWith("Unrecognized token '")) {
      return p.getProcessor().currentTokenLocation();
    }
    return e.getLocation();
  }

  /** The exception's location, else the parser's current one, else null. */
  private JsonLocation where(JsonLocation reported) {
    if (reported != null && reported.getLineNr() > 0) {
      return reported;
    }
    return parser == null ? null : parser.currentLocation();
  }

  private static long line(JsonLocation at) {
    return at == null ? -1 : at.getLineNr();
  }

  private static long column(JsonLocation at) {
    return at == null ? -1 : at.getColumnNr();
  }

  /** Drops Jackson's "(from `StreamReadConstraints.getMaxNestingDepth()`)" style hints. */
  static String withoutJacksonHint(String message) {
    int hint = message.indexOf(", from `");
    return hint < 0 ? message : message.substring(0, hint) + ")";
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() throws IOException {
    if (parser != null) {
      parser.close();
    }
    retained.close();
  }
}
