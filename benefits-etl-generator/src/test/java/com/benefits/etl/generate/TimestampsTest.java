package com.benefits.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.SpecOracle;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static final long SPEC_EXAMPLE = Instant.parse("2024-03-15T14:22:05Z").getEpochSecond();

  @Test
  void rendersTheSpecExamples() {
    assertThat(Timestamps.render(SPEC_EXAMPLE, 0, TimestampStyle.CANONICAL))
        .isEqualTo("2024-03-15T14:22:05Z");
    TimestampStyle nine =
        new TimestampStyle('T', true, 9, '.', TimestampStyle.Zone.COLON, 120, false);
    assertThat(Timestamps.render(SPEC_EXAMPLE - 7_200, 123_456_789, nine))
        .isEqualTo("2024-03-15T14:22:05.123456789+02:00");
    TimestampStyle space =
        new TimestampStyle(' ', true, 0, '.', TimestampStyle.Zone.NONE, 0, false);
    assertThat(Timestamps.render(SPEC_EXAMPLE, 0, space)).isEqualTo("2024-03-15 14:22:05");
    TimestampStyle noSeconds =
        new TimestampStyle('T', false, 0, '.', TimestampStyle.Zone.NO_COLON, -300, false);
    assertThat(Timestamps.render(SPEC_EXAMPLE + 18_000 - 5, 0, noSeconds))
        .isEqualTo("2024-03-15T14:22-0500");
    TimestampStyle minusZero =
        new TimestampStyle('t', true, 2, ',', TimestampStyle.Zone.HOURS, 0, true);
    assertThat(Timestamps.render(SPEC_EXAMPLE, 500_000_000, minusZero))
        .isEqualTo("2024-03-15t14:22:05,50-00");
  }

  @Test
  void everyRandomStyleIsValidAndKeepsTheInstant() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      long second = 1_704_067_200L + rng.nextLong(400L * 86_400L);
      if (rng.nextInt(10) == 0) {
        second -= second % 60;
      }
      int digits = rng.nextInt(10);
      int nanos = digits == 0 ? 0 : rng.nextInt(1_000_000_000);
      for (int d = digits; d < 9 && nanos != 0; d++) {
        nanos -= nanos % (int) Math.pow(10, 9 - d);
      }
      TimestampStyle style = Timestamps.randomStyle(rng, second, nanos);
      String text = Timestamps.render(second, nanos, style);
      assertThat(SpecOracle.epochSecond(text)).as(text).isEqualTo(second);
      int shown = style.fractionDigits();
      assertThat(shown)
          .as(text)
          .isGreaterThanOrEqualTo(Math.min(6, Timestamps.significantDigits(nanos)));
    }
  }

  @Test
  void everyInvalidStringIsInvalid() {
    for (String s : InvalidTimestamps.STRINGS) {
      assertThat(SpecOracle.epochSecond(s)).as("'%s'", s).isNull();
    }
  }
}
