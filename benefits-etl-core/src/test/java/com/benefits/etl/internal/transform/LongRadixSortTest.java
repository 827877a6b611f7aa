package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongRadixSortTest {
  private static final int N = LongRadixSort.MIN_RADIX_KEYS * 3 + 17;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
  void sortsLikeArraysSort(int kind) {
    Random r = new Random(kind);
    LongSupplier keys =
        switch (kind) {
          case 0 -> r::nextLong; // every bit, negatives included
          case 1 -> () -> DailyCounts.keyOfRank(r.nextInt(100_000), 19_000 + r.nextInt(730));
          case 2 -> () -> 42L; // all equal: no pass at all
          case 3 -> () -> r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
          case 4 -> () -> r.nextInt(3) - 1L; // -1, 0, 1: differ in all 64 bits
          case 5 -> () -> (long) r.nextInt(5) << 60; // only the top bits differ
          default -> () -> r.nextLong() & 0x0F0F_0000_0000_F0F0L; // gaps between differing bits
        };
    long[] a = new long[N + 5];
    for (int i = 0; i < a.length; i++) {
      a[i] = keys.getAsLong();
    }
    long[] expected = a.clone();
    Arrays.sort(expected, 0, N);

    LongRadixSort.sort(a, N, new long[N]);

    assertThat(a).isEqualTo(expected); // the 5 keys past n untouched too
  }

  @Test
  void fewKeysNeedNoScratch() {
    long[] a = {3, -1, 2};
    LongRadixSort.sort(a, 3, new long[0]);
    assertThat(a).containsExactly(-1, 2, 3);
  }

  @Test
  void refusesAScratchArrayTooShort() {
    long[] a = new long[N];
    assertThatThrownBy(() -> LongRadixSort.sort(a, N, new long[N - 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
