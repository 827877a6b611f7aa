package com.benefits.etl.internal.read;

import com.benefits.etl.internal.rules.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises, from its first bytes, an events file of the wrong kind: compressed other than by
 * gzip, UTF-16, a CSV, or lines ended by a carriage return alone. Such a file is read anyway (its
 * records are rejected and the quality gates judge the run); the warning says why it went wrong.
 */
final class InputSniffer {
  /** Bytes looked at: the magic numbers, and enough of a first line to see a CSV header. */
  static final int HEAD = 512;

  private InputSniffer() {}

  /**
   * The first {@link #HEAD} bytes of {@code in}, which must support mark; {@code in} unmoved. A
   * read error gives the bytes before it: the reader reports the error, with its position.
   */
  static byte[] peek(InputStream in) throws IOException {
    in.mark(HEAD);
    byte[] head = new byte[HEAD];
    int n = 0;
    try {
      for (int r; n < HEAD && (r = in.read(head, n, HEAD - n)) > 0; ) {
        n += r;
      }
    } catch (IOException e) {
      // left for the reader
    } finally {
      in.reset();
    }
    return java.util.Arrays.copyOf(head, n);
  }

  /** What the file's raw bytes look like when they are a known kind that is not JSON or gzip. */
  static Optional<String> compressedOrBinary(byte[] head) {
    if (startsWith(head, 0x28, 0xB5, 0x2F, 0xFD)) {
      return Optional.of("zstd-compressed data; only gzip is read");
    }
    if (startsWith(head, 'B', 'Z', 'h')) {
      return Optional.of("bzip2-compressed data; only gzip is read");
    }
    if (startsWith(head, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
      return Optional.of("xz-compressed data; only gzip is read");
    }
    if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
      return Optional.of("a zip archive; only gzip is read");
    }
    if (startsWith(head, 'P', 'A', 'R', '1')) {
      return Optional.of("a Parquet file, not JSON");
    }
    return Optional.empty();
  }

  /** What the file's text (after any gzip layer) looks like when it is not JSON as read here. */
  static Optional<String> notJsonText(byte[] head) {
    if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
      return Optional.of(
          "UTF-16 text (it starts with a UTF-16 byte-order mark); JSON must be UTF-8");
    }
    if (endsLinesWithCrAlone(head)) {
      return Optional.of(
          "text whose lines end in a carriage return alone; NDJSON lines end in LF or CRLF, so"
              + " the whole file is one line");
    }
    int start = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    while (start < head.length && isBlank(head[start])) {
      start++;
    }
    if (start == head.length || head[start] == '[' || head[start] == '{') {
      return Optional.empty();
    }
    int end = start;
    while (end < head.length && head[end] != '\n' && head[end] != '\r') {
      end++;
    }
    String line = new String(head, start, end - start, StandardCharsets.UTF_8);
    if (line.indexOf(',') >= 0 || line.indexOf(';') >= 0 || line.indexOf('\t') >= 0) {
      return Optional.of("a CSV file, not JSON: its first line is " + Texts.quote(line));
    }
    return Optional.of(
        "not JSON: its first line, " + Texts.quote(line) + ", starts with neither [ nor {");
  }

  /** A CR not followed by LF, and no LF at all in the bytes looked at. */
  private static boolean endsLinesWithCrAlone(byte[] head) {
    boolean loneCr = false;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == '\n') {
        return false;
      }
      loneCr |= head[i] == '\r' && i + 1 < head.length && head[i + 1] != '\n';
    }
    return loneCr;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static boolean startsWith(byte[] head, int... bytes) {
    if (head.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((head[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
