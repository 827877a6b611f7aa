package com.benefits.etl.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.rules.CheckedRecord;
import com.benefits.etl.rules.RecordChecker;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Records of a JSON array, streamed with one Jackson parser. Any syntax error, or a file that ends
 * before the array is closed, is fatal (SPEC 1.1) and reported with its line and column.
 */
final class JsonArrayRecordReader implements RecordReader {
  private final Path file;
  private final RetainingInputStream retained;
  private final JsonParser parser;
  private CheckedRecord current;
  private long start;
  private long end;

  JsonArrayRecordReader(Path file, InputStream in, JsonFactory factory) {
    this.file = file;
    this.retained = new RetainingInputStream(in);
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
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        if (parser.nextToken() != null) {
          JsonLocation at = parser.currentTokenLocation();
          throw new BadInputException(
              file, at.getLineNr(), at.getColumnNr(),
              "unexpected content after the end of the JSON array", null);
        }
        current = null;
        return false;
      }
      if (t == null) {
        JsonLocation at = parser.currentLocation();
        throw new BadInputException(
            file, at.getLineNr(), at.getColumnNr(),
            "the file ends before the JSON array is closed (truncated file?): expected , or ]", null);
      }
      start = parser.currentTokenLocation().getByteOffset();
      retained.keepFrom(start);
      current = RecordChecker.check(parser);
      parser.finishToken();
      end = parser.currentLocation().getByteOffset();
      return true;
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
    return retained.text(start, end);
  }

  private BadInputException fatal(IOException e) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException j = (JsonProcessingException) e;
      JsonLocation at = j.getLocation();
      String what = firstLine(j.getOriginalMessage());
      int marker = what.indexOf(" (start marker at");
      if (marker >= 0) {
        what = what.substring(0, marker);
      }
      String problem = e instanceof JsonEOFException
          ? "the file ends before the JSON array is closed (truncated file?): " + what
          : "the JSON array is not well-formed: " + what;
      return new BadInputException(
          file, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), problem, e);
    }
    return new BadInputException(file, "cannot read: " + e.getMessage(), new UncheckedIOException(e));
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
    parser.close();
    retained.close();
  }
}
