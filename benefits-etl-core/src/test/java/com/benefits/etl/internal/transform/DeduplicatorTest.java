package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.benefits.etl.internal.rules.DedupKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/spec.md, step 4 through the store, and its exactness under collisions and spills. */
class DeduplicatorTest {
  private static final String TS = "2024-03-15T14:22:05Z";

  @TempDir Path dir;

  private Deduplicator store(long budget) {
    return new Deduplicator(dir.resolve("dedup.log"), budget);
  }

  /** Asserts that {@code b} after {@code a} is a duplicate of it. */
  private void assertSame(DedupKey a, DedupKey b) {
    try (Deduplicator d = store(1 << 20)) {
      assertThat(d.firstSeen(a, 7)).isEqualTo(-1);
      assertThat(d.firstSeen(b, 8)).isEqualTo(7);
      assertThat(d.size()).isEqualTo(1);
    }
  }

  /** Asserts that {@code a} and {@code b} are distinct keys. */
  private void assertDistinct(DedupKey a, DedupKey b) {
    try (Deduplicator d = store(1 << 20)) {
      assertThat(d.firstSeen(a, 7)).isEqualTo(-1);
      assertThat(d.firstSeen(b, 8)).isEqualTo(-1);
      assertThat(d.firstSeen(a, 9)).isEqualTo(7);
      assertThat(d.firstSeen(b, 10)).isEqualTo(8);
      assertThat(d.size()).isEqualTo(2);
    }
  }

  @Test
  void integerAndFloatValuesAreTheSame() {
    assertSame(
        DedupKey.of("u1", "click", TS, 10.0), DedupKey.of("u1", "click", TS, Double.valueOf(10)));
  }

  @Test
  void negativeZeroIsZero() {
    assertSame(DedupKey.of("u1", "click", TS, -0.0), DedupKey.of("u1", "click", TS, 0.0));
  }

  @Test
  void nullValueEqualsNullValue() {
    assertSame(DedupKey.of("u1", "click", TS, null), DedupKey.of("u1", "click", TS, null));
  }

  @Test
  void nullValueDiffersFromZero() {
    assertDistinct(DedupKey.of("u1", "click", TS, null), DedupKey.of("u1", "click", TS, 0.0));
    assertDistinct(DedupKey.of("u1", "click", TS, null), DedupKey.of("u1", "click", TS, -0.0));
  }

  @Test
  void sameInstantWrittenDifferentlyDiffers() {
    assertDistinct(
        DedupKey.of("u1", "click", "2024-03-15T14:22:05Z", 1.0),
        DedupKey.of("u1", "click", "2024-03-15T14:22:05+00:00", 1.0));
    assertDistinct(
        DedupKey.of("u1", "click", "2024-03-15T14:22:05Z", 1.0),
        DedupKey.of("u1", "click", "2024-03-15 14:22:05", 1.0));
  }

  @Test
  void nullEventTypeDiffersFromAnyText() {
    assertDistinct(DedupKey.of("u1", null, TS, 1.0), DedupKey.of("u1", "x", TS, 1.0));
    assertDistinct(DedupKey.of("u1", null, TS, 1.0), DedupKey.of("u1", "", TS, 1.0));
    assertSame(DedupKey.of("u1", null, TS, 1.0), DedupKey.of("u1", null, TS, 1.0));
  }

  @Test
  void loneSurrogatesDifferFromQuestionMarksAndEachOther() {
    assertDistinct(DedupKey.of("u\ud800", "x", TS, 1.0), DedupKey.of("u?", "x", TS, 1.0));
    assertDistinct(DedupKey.of("u\ud800", "x", TS, 1.0), DedupKey.of("u\udc00", "x", TS, 1.0));
    assertDistinct(DedupKey.of("u1", "\udfff", TS, 1.0), DedupKey.of("u1", "?", TS, 1.0));
    assertSame(DedupKey.of("u\ud800", "x", TS, 1.0), DedupKey.of("u\ud800", "x", TS, 1.0));
  }

  @Test
  void nonAsciiIsComparedExactly() {
    assertSame(DedupKey.of("zoë", "café", TS, 2.5), DedupKey.of("zoë", "café", TS, 2.5));
    assertSame(DedupKey.of("用户😀", null, TS, null), DedupKey.of("用户😀", null, TS, null));
    assertDistinct(DedupKey.of("zoë", "x", TS, 1.0), DedupKey.of("zoe", "x", TS, 1.0));
    // U+00E9 as one char versus e + combining acute: the same text to a reader, not the same key
    assertDistinct(DedupKey.of("caf\u00e9", "x", TS, 1.0), DedupKey.of("cafe\u0301", "x", TS, 1.0));
  }

  @Test
  void fieldBoundariesCannotShift() {
    assertDistinct(DedupKey.of("ab", "c", TS, 1.0), DedupKey.of("a", "bc", TS, 1.0));
    assertDistinct(DedupKey.of("u1", "x", TS, 1.0), DedupKey.of("u1", "x", TS, 1.0000000001));
    assertDistinct(DedupKey.of("u1", "X", TS, 1.0), DedupKey.of("u1", "x", TS, 1.0));
  }

  @Test
  void matchesTheRecordEqualityEvenForUnnormalisedKeys() {
    assertDistinct(
        new DedupKey("u1", "x", TS, false, 0.0), new DedupKey("u1", "x", TS, false, 5.0));
    assertDistinct(new DedupKey("u1", "x", TS, true, 0.0), new DedupKey("u1", "x", TS, true, -0.0));
    assertSame(
        new DedupKey("u1", "x", TS, true, Double.NaN),
        new DedupKey("u1", "x", TS, true, 0.0 / 0.0));
  }

  @Test
  void everyKeyCollidingIsStillExact() {
    KeyHash constant = (bytes, length) -> 42;
    checkAgainstModel(new Deduplicator(dir.resolve("c.log"), 1 << 20, constant), 3_000, 1);
  }

  @Test
  void everyKeyCollidingAcrossSpilledRunsIsStillExact() {
    KeyHash constant = (bytes, length) -> 0xDEADBEEFL << 20;
    try (Deduplicator d = new Deduplicator(dir.resolve("c.log"), 4096, constant)) {
      checkAgainstModel(d, 1_500, 2);
      assertThat(d.runCount()).isGreaterThan(3);
    }
  }

  @Test
  void fewHashBitsCollideOftenAndStayExact() {
    KeyHash weak = (bytes, length) -> KeyHash.DEFAULT.hash(bytes, length) & 0xF00000000000003FL;
    try (Deduplicator d = new Deduplicator(dir.resolve("w.log"), 8192, weak)) {
      checkAgainstModel(d, 20_000, 3);
      assertThat(d.runCount()).isGreaterThan(3);
    }
  }

  @Test
  void inMemoryMatchesTheModel() {
    try (Deduplicator d = store(64 << 20)) {
      checkAgainstModel(d, 200_000, 4);
      assertThat(d.runCount()).isZero();
    }
  }

  @Test
  void spillingToManyRunsMatchesTheModel() {
    try (Deduplicator d = store(16 << 10)) {
      checkAgainstModel(d, 200_000, 5);
      assertThat(d.runCount()).isGreaterThan(50);
    }
  }

  @Test
  void deletesEveryFileOnClose() throws IOException {
    Path log = dir.resolve("sub.log");
    Deduplicator d = new Deduplicator(log, 4096);
    checkAgainstModel(d, 5_000, 6);
    assertThat(d.runCount()).isPositive();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isNotEmpty();
    }
    d.close();
    d.close();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    assertThatThrownBy(() -> d.firstSeen(DedupKey.of("u", null, TS, null), 0))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * Keys in time order over 3,000 days (so days share partitions), one in ten on a random day, some
   * timestamps too short to name a day, repeats near and far: in memory, and spilled.
   */
  @ParameterizedTest
  @ValueSource(longs = {64 << 20, 48 << 10})
  void keysPartitionedByDayMatchTheModel(long budget) {
    int[] seq = {0};
    Function<Random, DedupKey> dated =
        random -> {
          int day = random.nextInt(10) == 0 ? random.nextInt(4000) : seq[0]++ / 40;
          String ts =
              random.nextInt(50) == 0
                  ? "t" + random.nextInt(100)
                  : LocalDate.ofEpochDay(19_000 - 1500 + day) + "T0" + random.nextInt(10) + ":00Z";
          return DedupKey.of(
              "u" + random.nextInt(30),
              random.nextBoolean() ? "view" : null,
              ts,
              random.nextInt(3) == 0 ? null : (double) random.nextInt(3));
        };
    try (Deduplicator d = store(budget)) {
      checkAgainstModel(d, 120_000, 8, dated);
      if (budget > 1 << 20) {
        assertThat(d.partitionCount()).isEqualTo(1024);
        assertThat(d.runCount()).isZero();
      } else {
        assertThat(d.partitionCount()).isBetween(2, 512);
        assertThat(d.runCount()).isGreaterThan(20);
      }
    }
  }

  @Test
  void rejectsABudgetTooSmallToWorkIn() {
    assertThatThrownBy(() -> store(100)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Feeds {@code n} keys, about 15% of them repeats of an earlier key at a random distance (half
   * recent, half anywhere), and compares every answer and the size with a HashMap.
   */
  static void checkAgainstModel(Deduplicator d, int n, long seed) {
    checkAgainstModel(d, n, seed, RandomKeys::next);
  }

  static void checkAgainstModel(
      Deduplicator d, int n, long seed, Function<Random, DedupKey> newKey) {
    Random random = new Random(seed);
    Map<DedupKey, Long> model = new HashMap<>();
    List<DedupKey> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DedupKey key;
      if (!history.isEmpty() && random.nextInt(100) < 15) {
        int back =
            random.nextBoolean()
                ? random.nextInt(Math.min(history.size(), 50))
                : random.nextInt(history.size());
        key = history.get(history.size() - 1 - back);
      } else {
        key = newKey.apply(random);
      }
      history.add(key);
      long index = 1000L + 3L * i;
      Long expected = model.putIfAbsent(key, index);
      assertThat(d.firstSeen(key, index))
          .as("key %s at %d", key, i)
          .isEqualTo(expected == null ? -1 : expected);
    }
    assertThat(d.size()).isEqualTo(model.size());
  }
}
