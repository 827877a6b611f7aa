package com.benefits.etl.internal.transform;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A 64-bit hash of a key's encoded bytes. Package-private so tests can inject a degenerate one; the
 * store never trusts it for equality, only to find candidates.
 */
@FunctionalInterface
interface KeyHash {
  long hash(byte[] bytes, int length);

  /** The default: 8 bytes a step, murmur3-style word mixing and finaliser. */
  KeyHash DEFAULT = Mix::hash;

  /** The default hash and the finaliser, also used to derive Bloom filter bits. */
  final class Mix {
    private static final VarHandle LONG_LE =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87C37B91114253D5L;
    private static final long C2 = 0x4CF5AD432745937FL;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {}

    static long hash(byte[] b, int length) {
      long h = GOLDEN ^ length;
      int i = 0;
      for (; i + 8 <= length; i += 8) {
        h = Long.rotateLeft(h ^ word((long) LONG_LE.get(b, i)), 29) * GOLDEN;
      }
      long last = 0;
      for (int shift = 0; i < length; i++, shift += 8) {
        last |= (b[i] & 0xFFL) << shift;
      }
      return fmix(h ^ word(last));
    }

    private static long word(long k) {
      return Long.rotateLeft(k * C1, 31) * C2;
    }

    /** The murmur3 64-bit finaliser: every input bit affects every output bit. */
    static long fmix(long h) {
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      h *= 0xC4CEB9FE1A85EC53L;
      return h ^ (h >>> 33);
    }
  }
}
