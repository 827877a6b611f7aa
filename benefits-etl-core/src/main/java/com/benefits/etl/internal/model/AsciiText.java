package com.benefits.etl.internal.model;

import java.nio.charset.StandardCharsets;

/**
 * ASCII text held as bytes: {@code length} bytes from {@code from} in {@code bytes}, each one
 * character. A byte scanner's string without escapes or non-ASCII bytes is one, so the rules that
 * read text ({@link CharSequence}) can check it without decoding it into a {@link String} first. A
 * view: the bytes are not copied, and must not change while it is read.
 */
public final class AsciiText implements CharSequence {
  private byte[] bytes;
  private int from;
  private int length;

  public AsciiText() {}

  public AsciiText(byte[] bytes, int from, int length) {
    set(bytes, from, length);
  }

  /** Points this view at other bytes; returns it. */
  public AsciiText set(byte[] bytes, int from, int length) {
    this.bytes = bytes;
    this.from = from;
    this.length = length;
    return this;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int from() {
    return from;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return (char) bytes[from + index];
  }

  @Override
  public AsciiText subSequence(int start, int end) {
    if (start < 0 || end > length || start > end) {
      throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length);
    }
    return new AsciiText(bytes, from + start, end - start);
  }

  /** The text as a new string. */
  @Override
  public String toString() {
    return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
  }

  /**
   * The polynomial hash of {@code String#hashCode()} over these bytes: that of the same text when
   * they are ASCII, a hash of the bytes whatever they are.
   */
  public static int stringHash(byte[] bytes, int from, int length) {
    int h = 0;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  /** {@link String#hashCode()} of the same text, whatever holds it. */
  public static int stringHash(CharSequence s) {
    if (s instanceof String string) {
      return string.hashCode();
    }
    if (s instanceof AsciiText a) {
      return stringHash(a.bytes, a.from, a.length);
    }
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    return h;
  }
}
