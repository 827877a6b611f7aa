package com.benefits.etl.internal.rules;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Well-formed UTF-8 as RFC 3629 defines it (no overlong forms, no surrogates, nothing above
 * U+10FFFF), one multi-byte sequence at a time: the one check behind {@link ByteRecordChecker}'s
 * strings and the readers' input checks.
 */
public final class Utf8 {
  /** Returned by {@link #sequenceEnd} when {@code end} comes before the sequence does. */
  public static final int CUT = Integer.MIN_VALUE;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Utf8() {}

  /**
   * Whether the bytes from {@code from} to {@code to} are well-formed UTF-8. ASCII is passed over
   * eight bytes at a time.
   */
  public static boolean isWellFormed(byte[] b, int from, int to) {
    for (int q = from; q < to; ) {
      if (q + 8 <= to && ((long) LONGS.get(b, q) & 0x8080808080808080L) == 0) {
        q += 8;
      } else if (b[q] >= 0) {
        q++;
      } else {
        q = sequenceEnd(b, q, to);
        if (q < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Reads the sequence of 2 to 4 bytes whose lead byte (0x80 or above) is at {@code q}.
   *
   * @return the offset just past it when it is well-formed; {@link #CUT} when it needs bytes at or
   *     past {@code end}; else {@code ~i}, {@code i} being the offset of its first byte that is not
   *     allowed (the lead byte itself, or a continuation byte)
   */
  public static int sequenceEnd(byte[] b, int q, int end) {
    int c = b[q] & 0xFF;
    int length;
    int min2 = 0x80;
    int max2 = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) {
        min2 = 0xA0; // else overlong
      } else if (c == 0xED) {
        max2 = 0x9F; // else a surrogate
      }
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) {
        min2 = 0x90; // else overlong
      } else if (c == 0xF4) {
        max2 = 0x8F; // else above U+10FFFF
      }
    } else {
      return ~q;
    }
    if (q + length > end) {
      return CUT;
    }
    int second = b[q + 1] & 0xFF;
    if (second < min2 || second > max2) {
      return ~(q + 1);
    }
    for (int i = q + 2; i < q + length; i++) {
      if ((b[i] & 0xC0) != 0x80) {
        return ~i;
      }
    }
    return q + length;
  }
}
