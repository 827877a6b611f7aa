package com.benefits.etl.internal.read;

import java.nio.charset.StandardCharsets;

/** The text of a record for {@code raw_record}, cut to a number of UTF-8 bytes with a marker. */
final class RawText {
  private RawText() {}

  /**
   * The UTF-8 text of {@code length} bytes at {@code offset}, whose record was {@code total} bytes
   * long; when {@code total} exceeds {@code cap}, only the first {@code cap} bytes (backed off to a
   * character boundary) and a marker giving the original length.
   */
  static String of(byte[] bytes, int offset, int length, long total, int cap) {
    if (isWhole(length, total, cap)) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
    int cut = Math.min(cap, length);
    if (cut < length) {
      int back = cut;
      while (back > 0 && cut - back < 3 && (bytes[offset + back] & 0xC0) == 0x80) {
        back--;
      }
      if ((bytes[offset + back] & 0xC0) != 0x80) {
        cut = back;
      }
    }
    return new String(bytes, offset, cut, StandardCharsets.UTF_8) + marker(cut, total);
  }

  /** Whether {@link #of} keeps all {@code length} bytes, with no cut and no marker. */
  static boolean isWhole(int length, long total, int cap) {
    return total <= cap && length <= cap;
  }

  static String marker(int kept, long total) {
    return "… [cut: first " + kept + " of " + total + " bytes]";
  }
}
