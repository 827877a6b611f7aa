package com.benefits.etl.internal.transform;

import com.benefits.etl.internal.rules.DedupKey;
import java.util.Random;

/**
 * Random keys for model tests: short user ids from a small alphabet (so keys repeat by chance) with
 * non-ASCII chars, lone surrogates and '?', sometimes long; event types including null and empty;
 * timestamps of one instant written three ways; values including null, 0.0 and -0.0.
 */
final class RandomKeys {
  private static final String TS = "2024-03-15T14:22:05Z";

  private RandomKeys() {}

  private static final String[] ALPHABET = {"a", "b", "1", "é", "?", "\ud800", "\udc00", "😀", "用"};
  private static final String[] TYPES = {null, "", "click", "view", "vïew", "\ud800"};
  private static final String[] TIMES = {
    TS, "2024-03-15T14:22:05+00:00", "2024-03-15T14:22:05.000Z"
  };
  private static final Double[] VALUES = {null, 0.0, -0.0, 1.0, 10.0, -2.5, 1e300};

  static DedupKey next(Random random) {
    StringBuilder user = new StringBuilder();
    int len = 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 8);
    for (int i = 0; i < len; i++) {
      user.append(ALPHABET[random.nextInt(random.nextInt(3) == 0 ? ALPHABET.length : 3)]);
    }
    return DedupKey.of(
        user.toString(),
        TYPES[random.nextInt(TYPES.length)],
        TIMES[random.nextInt(TIMES.length)],
        VALUES[random.nextInt(VALUES.length)]);
  }
}
