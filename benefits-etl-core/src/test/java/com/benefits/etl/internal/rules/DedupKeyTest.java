package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.model.ValidEvent;
import org.junit.jupiter.api.Test;

/** docs/spec.md, step 4: what makes two records duplicates. */
class DedupKeyTest {
  private static final String TS = "2024-03-15T14:22:05Z";

  @Test
  void integerAndFloatOfTheSameNumberAreEqual() {
    assertKeysEqual(
        DedupKey.of("u1", "click", TS, 10.0), DedupKey.of("u1", "click", TS, Double.valueOf(10)));
  }

  @Test
  void negativeZeroEqualsZero() {
    assertKeysEqual(DedupKey.of("u1", "click", TS, -0.0), DedupKey.of("u1", "click", TS, 0.0));
  }

  @Test
  void nullValueEqualsNullValue() {
    assertKeysEqual(DedupKey.of("u1", "click", TS, null), DedupKey.of("u1", "click", TS, null));
  }

  @Test
  void nullValueDiffersFromZero() {
    assertThat(DedupKey.of("u1", "click", TS, null))
        .isNotEqualTo(DedupKey.of("u1", "click", TS, 0.0));
    assertThat(DedupKey.of("u1", "click", TS, null))
        .isNotEqualTo(DedupKey.of("u1", "click", TS, -0.0));
  }

  @Test
  void sameInstantWrittenDifferentlyDiffers() {
    assertThat(DedupKey.of("u1", "click", "2024-03-15T14:22:05Z", 1.0))
        .isNotEqualTo(DedupKey.of("u1", "click", "2024-03-15T14:22:05+00:00", 1.0));
    assertThat(DedupKey.of("u1", "click", "2024-03-15T14:22:05Z", 1.0))
        .isNotEqualTo(DedupKey.of("u1", "click", "2024-03-15 14:22:05", 1.0));
  }

  @Test
  void eventTypeNullDiffersFromAString() {
    assertThat(DedupKey.of("u1", null, TS, 1.0)).isNotEqualTo(DedupKey.of("u1", "x", TS, 1.0));
    assertThat(DedupKey.of("u1", null, TS, 1.0)).isNotEqualTo(DedupKey.of("u1", "", TS, 1.0));
    assertKeysEqual(DedupKey.of("u1", null, TS, 1.0), DedupKey.of("u1", null, TS, 1.0));
  }

  @Test
  void differentUserOrValueDiffers() {
    assertThat(DedupKey.of("u1", "x", TS, 1.0)).isNotEqualTo(DedupKey.of("u2", "x", TS, 1.0));
    assertThat(DedupKey.of("u1", "x", TS, 1.0))
        .isNotEqualTo(DedupKey.of("u1", "x", TS, 1.0000000001));
    assertThat(DedupKey.of("u1", "X", TS, 1.0)).isNotEqualTo(DedupKey.of("u1", "x", TS, 1.0));
  }

  @Test
  void validEventKeyUsesItsFields() {
    ValidEvent a = new ValidEvent("u1", "click", TS, 0L, 10.0, "ios", "home");
    ValidEvent b = new ValidEvent("u1", "click", TS, 0L, 10.0, "android", "cart");
    assertKeysEqual(a.dedupKey(), b.dedupKey());
  }

  private static void assertKeysEqual(DedupKey a, DedupKey b) {
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }
}
