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

  @Test
  void equalKeysShareALocality() {
    assertThat(DedupKey.of("u1", "x", TS, -0.0).locality())
        .isEqualTo(DedupKey.of("u1", "x", TS, 0.0).locality());
    assertThat(DedupKey.of("u1", "x", "2024", null).locality())
        .isEqualTo(DedupKey.of("u1", "x", "2024", null).locality());
  }

  @Test
  void theLocalityIsTheDayTheTimestampTextBeginsWith() {
    int day = DedupKey.of("u1", "x", "2024-03-15T14:22:05Z", 1.0).locality();
    // The same day whatever the rest of the text, the other fields or the offset.
    assertThat(DedupKey.of("u2", "y", "2024-03-15t23:59:59.999-05:00", null).locality())
        .isEqualTo(day);
    // Consecutive days, months and years are different localities.
    assertThat(DedupKey.of("u1", "x", "2024-03-16T00:00:00Z", 1.0).locality()).isEqualTo(day + 1);
    assertThat(DedupKey.of("u1", "x", "2024-04-15T00:00:00Z", 1.0).locality()).isNotEqualTo(day);
    assertThat(DedupKey.of("u1", "x", "2025-03-15T00:00:00Z", 1.0).locality()).isNotEqualTo(day);
    // A text too short to begin with a date is placed by its hash.
    assertThat(DedupKey.of("u1", "x", "2024-03", 1.0).locality()).isEqualTo("2024-03".hashCode());
  }

  private static void assertKeysEqual(DedupKey a, DedupKey b) {
    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }
}
