package com.benefits.etl.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsersTableTest {

  /**
   * Ranks by code point, checked against an independent order: the ids' UTF-8 bytes compared
   * unsigned. With surrogate pairs, String's own order (by UTF-16 unit) would differ.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void codePointRanksFollowUtf8ByteOrder(boolean withSurrogatePairs) {
    Random random = new Random(withSurrogatePairs ? 1 : 2);
    UsersTable.Builder b = UsersTable.builder();
    for (int i = 0; i < 5_000; i++) {
      b.add(randomId(random, withSurrogatePairs), UsersTable.NO_DATE, false, "US");
    }
    UsersTable users = b.build();

    int[] rank = users.codePointRanks();

    Integer[] expected = new Integer[users.size()];
    Arrays.setAll(expected, i -> i);
    Arrays.sort(
        expected,
        Comparator.comparing(
            (Integer i) -> users.userId(i).getBytes(StandardCharsets.UTF_8),
            Arrays::compareUnsigned));
    for (int r = 0; r < expected.length; r++) {
      assertThat(rank[expected[r]]).as("rank of %s", users.userId(expected[r])).isEqualTo(r);
    }
  }

  private static String randomId(Random random, boolean withSurrogatePairs) {
    StringBuilder s = new StringBuilder();
    int length = 1 + random.nextInt(6);
    for (int k = 0; k < length; k++) {
      switch (random.nextInt(withSurrogatePairs ? 4 : 3)) {
        case 0 -> s.append((char) ('a' + random.nextInt(4)));
        case 1 -> s.append((char) (0xE000 + random.nextInt(3))); // above the surrogates in UTF-16
        case 2 -> s.append((char) (0x00E0 + random.nextInt(3)));
        default -> s.appendCodePoint(0x1F600 + random.nextInt(3)); // a pair: below U+E000 in UTF-16
      }
    }
    return s.toString();
  }
}
