package com.benefits.etl.internal.read;

import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/** Words for an I/O failure while reading an input, so no message ends in "null". */
final class ReadFailures {
  private ReadFailures() {}

  /** "the gzip data is truncated or corrupt (...)" or "cannot read: ...". */
  static String describe(IOException e) {
    String m = e.getMessage();
    if (e instanceof ZipException || e instanceof EOFException) {
      return "the gzip data is truncated or corrupt ("
          + (m == null ? "unexpected end of data" : m)
          + "); expected a complete .gz file";
    }
    return cannotRead(e);
  }

  /** "cannot read: " and the failure's first line, or its class when it has no message. */
  static String cannotRead(IOException e) {
    String m = e.getMessage();
    return "cannot read: " + (m == null ? e.getClass().getSimpleName() : firstLine(m));
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
