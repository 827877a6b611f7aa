package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BloomFilterTest {
  @Test
  void neverMissesAnAddedHashAndRarelyPassesOthers() {
    SplittableRandom random = new SplittableRandom(3);
    BloomFilter bloom = new BloomFilter(100_000);
    long[] added = new long[100_000];
    for (int i = 0; i < added.length; i++) {
      added[i] = random.nextLong();
      bloom.add(added[i]);
    }
    for (long h : added) {
      assertThat(bloom.mightContain(h)).isTrue();
    }
    int passed = 0;
    for (int i = 0; i < 100_000; i++) {
      if (bloom.mightContain(random.nextLong())) {
        passed++;
      }
    }
    assertThat(passed).isLessThan(2_000); // about 1% expected
    assertThat(bloom.bytes()).isBetween(125_000L, 126_000L);
  }
}
