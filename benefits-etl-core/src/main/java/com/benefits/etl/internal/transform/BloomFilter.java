package com.benefits.etl.internal.transform;

/**
 * A blocked Bloom filter over 64-bit hashes: about 10 bits a key, each key setting 7 bits inside
 * one 512-bit block (one cache line), so a query costs one cache miss. False positive rate about
 * 1%; never a false negative.
 */
final class BloomFilter {
  static final int BITS_PER_KEY = 10;
  private static final int WORDS_PER_BLOCK = 8;
  private static final int HASHES = 7;

  private final long[] words;
  private final long blocks;

  BloomFilter(long expectedKeys) {
    long bits = Math.max(512, expectedKeys * BITS_PER_KEY);
    blocks = (bits + 511) / 512;
    words = new long[Math.toIntExact(blocks * WORDS_PER_BLOCK)];
  }

  void add(long hash) {
    int base = base(hash);
    long bits = KeyHash.Mix.fmix(hash ^ 0x2545F4914F6CDD1DL);
    for (int j = 0; j < HASHES; j++, bits >>>= 9) {
      int bit = (int) (bits & 511);
      words[base + (bit >>> 6)] |= 1L << bit;
    }
  }

  boolean mightContain(long hash) {
    int base = base(hash);
    long bits = KeyHash.Mix.fmix(hash ^ 0x2545F4914F6CDD1DL);
    for (int j = 0; j < HASHES; j++, bits >>>= 9) {
      int bit = (int) (bits & 511);
      if ((words[base + (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  long bytes() {
    return 8L * words.length;
  }

  private int base(long hash) {
    long g = KeyHash.Mix.fmix(hash ^ 0x632BE59BD9B4E019L) >>> 32;
    return (int) ((g * blocks) >>> 32) * WORDS_PER_BLOCK;
  }
}
