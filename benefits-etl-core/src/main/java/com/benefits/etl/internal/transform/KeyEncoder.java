package com.benefits.etl.internal.transform;

import com.benefits.etl.internal.model.ValidEvent;
import com.benefits.etl.internal.rules.DedupKey;
import java.util.Arrays;

/**
 * Encodes a {@link DedupKey} into bytes injectively, so two keys are equal (as records) exactly
 * when their encodings are equal. Not {@code String.getBytes(UTF_8)}: that maps every lone
 * surrogate to {@code '?'}. Each string is a varint of {@code (length << 1) | wide} followed by its
 * chars, one byte each when all are below 0x80, else two bytes each (big-endian). The event type
 * has a presence byte (0 null, 1 present). The value has a tag byte: 0 no value (the canonical
 * {@link DedupKey#of} form), 1 a value followed by the 8 bytes of {@link Double#doubleToLongBits},
 * 2 no value but a non-zero stored value (only reachable through the record constructor, kept so
 * equality matches the record's exactly). The code is prefix-free: every field says where it ends.
 * One instance reuses its buffer; not thread-safe.
 */
public final class KeyEncoder {
  private byte[] buf = new byte[128];
  private int length;

  /** Encodes {@code key}; the result is {@link #bytes()} up to {@link #length()}. */
  public int encode(DedupKey key) {
    length = 0;
    putString(key.userId());
    if (key.eventType() == null) {
      put(0);
    } else {
      put(1);
      putString(key.eventType());
    }
    putString(key.timestamp());
    putValue(key.hasValue(), key.value());
    return length;
  }

  /**
   * Encodes {@code event.dedupKey()}, the same bytes, without making the key: an event in the byte
   * form has its key's fields' bytes copied as they are (they are ASCII there, so the bytes are the
   * narrow form of each string).
   */
  public int encode(ValidEvent event) {
    if (!event.inByteForm()) {
      return encode(event.dedupKey());
    }
    length = 0;
    byte[] ascii = event.bytes(); // ASCII in the key's three fields
    putAscii(ascii, event.from(ValidEvent.USER_ID), event.length(ValidEvent.USER_ID));
    int typeLength = event.length(ValidEvent.EVENT_TYPE);
    if (typeLength < 0) {
      put(0);
    } else {
      put(1);
      putAscii(ascii, event.from(ValidEvent.EVENT_TYPE), typeLength);
    }
    putAscii(ascii, event.from(ValidEvent.TIMESTAMP), event.length(ValidEvent.TIMESTAMP));
    Double value = event.value();
    putValue(value != null, value == null ? 0.0 : DedupKey.canonical(value));
    return length;
  }

  private void putValue(boolean hasValue, double value) {
    long bits = Double.doubleToLongBits(value);
    if (hasValue) {
      put(1);
      putLong(bits);
    } else if (bits != 0) {
      put(2);
      putLong(bits);
    } else {
      put(0);
    }
  }

  /** The buffer holding the last encoding (valid up to {@link #length()}). */
  public byte[] bytes() {
    return buf;
  }

  public int length() {
    return length;
  }

  private void putString(String s) {
    int n = s.length();
    ensure(5 + 2L * n);
    int start = length;
    putVarint((long) n << 1); // narrow; rewritten below if a char turns out to be wide
    int p = length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        length = start;
        putWide(s);
        return;
      }
      buf[p++] = (byte) c;
    }
    length = p;
  }

  /** {@link #putString} for the string of these ASCII bytes: its narrow form is the bytes. */
  private void putAscii(byte[] b, int from, int n) {
    ensure(5 + (long) n);
    putVarint((long) n << 1);
    System.arraycopy(b, from, buf, length, n);
    length += n;
  }

  private void putWide(String s) {
    int n = s.length();
    putVarint(((long) n << 1) | 1);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      buf[length++] = (byte) (c >>> 8);
      buf[length++] = (byte) c;
    }
  }

  private void putVarint(long v) {
    while ((v & ~0x7FL) != 0) {
      buf[length++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[length++] = (byte) v;
  }

  private void put(int b) {
    ensure(1);
    buf[length++] = (byte) b;
  }

  private void putLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[length++] = (byte) (v >>> shift);
    }
  }

  private void ensure(long more) {
    long needed = length + more;
    if (needed > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("dedup key too long: " + needed + " bytes");
    }
    if (needed > buf.length) {
      buf =
          Arrays.copyOf(
              buf, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * buf.length)));
    }
  }
}
