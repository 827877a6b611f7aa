package com.benefits.etl.internal.model;

/** Comparing Java text with UTF-8 bytes without decoding them into a new string. */
final class Utf8Text {
  private Utf8Text() {}

  /**
   * Whether {@code length} bytes of UTF-8 at {@code offset} in {@code bytes} encode {@code s}. A
   * string holding a lone surrogate equals no UTF-8 at all (UTF-8 cannot encode one).
   */
  static boolean equals(byte[] bytes, int offset, int length, CharSequence s) {
    int n = s.length();
    if (length < n) {
      return false; // every char takes at least one byte
    }
    int p = offset;
    int end = offset + length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (p >= end || bytes[p] != c) {
          return false;
        }
        p++;
      } else if (c < 0x800) {
        if (p + 2 > end
            || bytes[p] != (byte) (0xC0 | c >> 6)
            || bytes[p + 1] != (byte) (0x80 | c & 0x3F)) {
          return false;
        }
        p += 2;
      } else if (!Character.isSurrogate(c)) {
        if (p + 3 > end
            || bytes[p] != (byte) (0xE0 | c >> 12)
            || bytes[p + 1] != (byte) (0x80 | c >> 6 & 0x3F)
            || bytes[p + 2] != (byte) (0x80 | c & 0x3F)) {
          return false;
        }
        p += 3;
      } else {
        if (!Character.isHighSurrogate(c)
            || i + 1 == n
            || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        int cp = Character.toCodePoint(c, s.charAt(++i));
        if (p + 4 > end
            || bytes[p] != (byte) (0xF0 | cp >> 18)
            || bytes[p + 1] != (byte) (0x80 | cp >> 12 & 0x3F)
            || bytes[p + 2] != (byte) (0x80 | cp >> 6 & 0x3F)
            || bytes[p + 3] != (byte) (0x80 | cp & 0x3F)) {
          return false;
        }
        p += 4;
      }
    }
    return p == end;
  }
}
