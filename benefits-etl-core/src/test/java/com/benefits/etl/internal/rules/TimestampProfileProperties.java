package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TimestampProfile#parseMicros} against an independent reference built on {@code java.time}
 * (docs/spec.md 1.3), over valid, near-valid and random strings.
 */
class TimestampProfileProperties {
  private static final Pattern SHAPE =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})"
              + "(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
              + "(?:([Zz])|([+-])([0-9]{2})(?::?([0-9]{2}))?)?");
  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** The reference: microseconds since the epoch, or {@link TimestampProfile#INVALID}. */
  static long reference(String s) {
    Matcher m = SHAPE.matcher(s);
    if (!m.matches()) {
      return TimestampProfile.INVALID;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      if (year < 1) {
        return TimestampProfile.INVALID;
      }
      LocalDate date =
          LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      String fraction = m.group(7) == null ? "" : m.group(7);
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      LocalTime time =
          LocalTime.of(
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
              nanos);
      ZoneOffset offset = ZoneOffset.UTC;
      if (m.group(9) != null) {
        int hours = Integer.parseInt(m.group(10));
        int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
        if (minutes > 59) {
          return TimestampProfile.INVALID;
        }
        offset =
            m.group(9).equals("-")
                ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                : ZoneOffset.ofHoursMinutes(hours, minutes);
      }
      Instant instant =
          LocalDateTime.of(date, time).toInstant(offset).truncatedTo(ChronoUnit.MICROS);
      if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
        return TimestampProfile.INVALID;
      }
      return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    } catch (DateTimeException | ArithmeticException e) {
      return TimestampProfile.INVALID;
    }
  }

  @Property(tries = 2000)
  void validTimestampsMatchTheReference(@ForAll("valid") String s) {
    assertThat(TimestampProfile.parseMicros(s)).as(s).isEqualTo(reference(s));
  }

  @Property(tries = 3000)
  void nearValidTimestampsMatchTheReference(@ForAll("nearValid") String s) {
    assertThat(TimestampProfile.parseMicros(s)).as(s).isEqualTo(reference(s));
  }

  @Property(tries = 2000)
  void randomStringsMatchTheReference(@ForAll("random") String s) {
    assertThat(TimestampProfile.parseMicros(s)).as(s).isEqualTo(reference(s));
  }

  @Property(tries = 500)
  void explainIsEmptyExactlyForValidStrings(@ForAll("nearValid") String s) {
    assertThat(TimestampProfile.explain(s).isEmpty())
        .isEqualTo(TimestampProfile.parseMicros(s) != TimestampProfile.INVALID);
  }

  static Arbitrary<String> digits(int count, int min, int max) {
    return Arbitraries.integers()
        .between(min, max)
        .map(v -> String.format(java.util.Locale.ROOT, "%0" + count + "d", v));
  }

  @Provide
  Arbitrary<String> valid() {
    Arbitrary<String> year =
        Arbitraries.oneOf(
            digits(4, 1, 9999), Arbitraries.of("0001", "9999", "2024", "1970", "2000", "1900"));
    Arbitrary<String> month = digits(2, 1, 12);
    Arbitrary<String> day = Arbitraries.oneOf(digits(2, 1, 28), Arbitraries.of("29", "30", "31"));
    Arbitrary<String> sep = Arbitraries.of("T", "t", " ");
    Arbitrary<String> hhmm =
        Combinators.combine(digits(2, 0, 23), digits(2, 0, 59)).as((h, m) -> h + ":" + m);
    Arbitrary<String> seconds =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            digits(2, 0, 59).map(s -> ":" + s),
            Combinators.combine(
                    digits(2, 0, 59),
                    Arbitraries.of(".", ","),
                    Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9))
                .as((s, p, f) -> ":" + s + p + f));
    Arbitrary<String> offset =
        Arbitraries.oneOf(
            Arbitraries.of("", "Z", "z"),
            Combinators.combine(
                    Arbitraries.of("+", "-"),
                    digits(2, 0, 18),
                    Arbitraries.of(":", ""),
                    Arbitraries.oneOf(digits(2, 0, 59), Arbitraries.of("00")))
                .as((g, h, c, m) -> g + h + c + m),
            Combinators.combine(Arbitraries.of("+", "-"), digits(2, 0, 18)).as((g, h) -> g + h));
    return Combinators.combine(year, month, day, sep, hhmm, seconds, offset)
        .as((y, mo, d, s, hm, sec, off) -> y + "-" + mo + "-" + d + s + hm + sec + off);
  }

  /** A valid-looking string with one to three edits: a character replaced, removed or inserted. */
  @Provide
  Arbitrary<String> nearValid() {
    return Combinators.combine(valid(), Arbitraries.integers().between(1, 3), Arbitraries.longs())
        .as(
            (s, edits, seed) -> {
              java.util.Random random = new java.util.Random(seed);
              StringBuilder b = new StringBuilder(s);
              for (int i = 0; i < edits; i++) {
                int at = random.nextInt(b.length() + 1);
                char c =
                    new char[] {
                          '0', '1', '2', '3', '5', '9', '-', ':', 'T', ' ', 'Z', '+', '.', ',', 'x',
                          '\u0661', '\uFF11', '\n'
                        }
                        [random.nextInt(18)];
                switch (random.nextInt(3)) {
                  case 0 -> {
                    if (at < b.length()) {
                      b.setCharAt(at, c);
                    }
                  }
                  case 1 -> {
                    if (at < b.length()) {
                      b.deleteCharAt(at);
                    }
                  }
                  default -> b.insert(at, c);
                }
              }
              return b.toString();
            })
        .edgeCases(
            config ->
                config
                    .add("2024-02-29T24:00:00Z")
                    .add("2023-02-29T10:00:00Z")
                    .add("0001-01-01T00:00:00+00:01")
                    .add("9999-12-31T23:59:59.9999999-00:01")
                    .add("2024-03-15T10:00:00+18:01")
                    .add("2024-03-15T10:00:00+1800"));
  }

  @Provide
  Arbitrary<String> random() {
    return Arbitraries.strings().withChars("0123456789-:Tt Zz+.,").ofMinLength(0).ofMaxLength(40);
  }
}
