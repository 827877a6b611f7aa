package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/spec.md 1.3: which strings are timestamps, and the UTC instant they name. */
class TimestampProfileTest {

  /**
   * Every row of {@code cases/timestamps.csv}. The input column is always quoted; the escapes
   * {@code \n}, {@code \t} and {@code \}{@code uXXXX} in it stand for the character.
   */
  @ParameterizedTest(name = "{0}: [{1}] valid={2}")
  @CsvFileSource(resources = "/cases/timestamps.csv", delimiter = ',')
  void caseTable(String id, String rawInput, boolean valid, String expected) {
    String input = unescape(rawInput);
    long micros = TimestampProfile.parseMicros(input);
    if (valid) {
      assertThat(micros).as(id).isNotEqualTo(TimestampProfile.INVALID);
      assertThat(micros).as(id + " expected instant").isEqualTo(toMicros(Instant.parse(expected)));
      assertThat(micros).as(id + " vs java.time").isEqualTo(independentMicros(input));
      assertThat(TimestampProfile.explain(input)).as(id).isEmpty();
    } else {
      assertThat(expected).as("test data: invalid rows have no instant").isNull();
      assertThat(micros).as(id).isEqualTo(TimestampProfile.INVALID);
      assertThat(TimestampProfile.explain(input))
          .as(id)
          .startsWith("timestamp ")
          .contains(
              input.length() <= Texts.QUOTE_LIMIT ? "\"" + input + "\"" : input.substring(0, 10));
    }
  }

  @Test
  void everyValidMinuteOfALeapDayIsAccepted() {
    long start = toMicros(Instant.parse("2024-02-29T00:00:00Z"));
    for (int h = 0; h < 24; h++) {
      for (int m = 0; m < 60; m++) {
        String s = String.format("2024-02-29T%02d:%02d:00Z", h, m);
        assertThat(TimestampProfile.parseMicros(s))
            .as(s)
            .isEqualTo(start + (h * 60L + m) * 60_000_000L);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'2024-03-15T14:22:05.1Z',          100000",
    "'2024-03-15T14:22:05.12Z',         120000",
    "'2024-03-15T14:22:05.123Z',        123000",
    "'2024-03-15T14:22:05.1234Z',       123400",
    "'2024-03-15T14:22:05.12345Z',      123450",
    "'2024-03-15T14:22:05.123456Z',     123456",
    "'2024-03-15T14:22:05.1234567Z',    123456",
    "'2024-03-15T14:22:05.12345678Z',   123456",
    "'2024-03-15T14:22:05.123456789Z',  123456",
    "'2024-03-15T14:22:05.000000999Z',  0",
    "'2024-03-15T14:22:05.999999999Z',  999999",
  })
  void fractionDigitsPastMicrosecondsAreTruncated(String input, long fractionMicros) {
    long whole = toMicros(Instant.parse("2024-03-15T14:22:05Z"));
    assertThat(TimestampProfile.parseMicros(input)).isEqualTo(whole + fractionMicros);
  }

  @Test
  void truncationNeverMovesAPreEpochInstantLater() {
    // 1969-12-31T23:59:59.9999999Z is 100 ns before the epoch: truncated to -1 µs, not 0.
    assertThat(TimestampProfile.parseMicros("1969-12-31T23:59:59.9999999Z")).isEqualTo(-1L);
  }

  @ParameterizedTest
  @CsvSource({
    "0,                      0",
    "1,                      0",
    "86399999999,            0",
    "86400000000,            1",
    "-1,                     -1",
    "-86400000000,           -1",
    "-86400000001,           -2",
  })
  void epochDayFloorsNegativeInstants(long micros, int expectedDay) {
    assertThat(TimestampProfile.epochDay(micros)).isEqualTo(expectedDay);
  }

  @ParameterizedTest
  @CsvSource({
    "1969-12-31T23:59:59.999999Z, 1969-12-31",
    "1969-12-31T00:00:00Z,        1969-12-31",
    "1900-01-01T12:00:00Z,        1900-01-01",
    "0001-01-01T00:00:00Z,        0001-01-01",
    "9999-12-31T23:59:59.999999Z, 9999-12-31",
    "2024-03-15T23:30:00-01:00,   2024-03-16",
  })
  void epochDayIsTheUtcDate(String input, String date) {
    long micros = TimestampProfile.parseMicros(input);
    assertThat(TimestampProfile.epochDay(micros))
        .isEqualTo((int) java.time.LocalDate.parse(date).toEpochDay());
  }

  @Test
  void explainIsEmptyForValidAndASentenceNamingTheInputForInvalid() {
    assertThat(TimestampProfile.explain("2024-03-15T14:22:05Z")).isEmpty();
    assertThat(TimestampProfile.explain("2024-02-30T10:00:00Z"))
        .isEqualTo(
            "timestamp \"2024-02-30T10:00:00Z\" is not a real calendar date in years 0001-9999");
    assertThat(TimestampProfile.explain("2024-03-15T24:00:00Z"))
        .isEqualTo("timestamp \"2024-03-15T24:00:00Z\" has an hour, minute or second out of range");
    assertThat(TimestampProfile.explain("2024-03-15T10:00:00+25:00"))
        .isEqualTo("timestamp \"2024-03-15T10:00:00+25:00\" has a UTC offset beyond ±18:00");
    assertThat(TimestampProfile.explain("0001-01-01T00:00:00+00:01"))
        .startsWith("timestamp \"0001-01-01T00:00:00+00:01\" is outside ");
    assertThat(TimestampProfile.explain("yesterday"))
        .startsWith("timestamp \"yesterday\" does not match YYYY-MM-DD");
  }

  @Test
  void explainCapsALongInput() {
    String longInput = "2024-03-15T14:22:05Z" + "x".repeat(200);
    assertThat(TimestampProfile.explain(longInput))
        .startsWith("timestamp \"2024-03-15T14:22:05Z")
        .contains("(220 characters)")
        .hasSizeLessThan(200);
  }

  @Test
  void theSameInstantWrittenInEveryAcceptedShapeIsTheSameMicros() {
    long expected = toMicros(Instant.parse("2024-03-15T12:22:00Z"));
    for (String s :
        new String[] {
          "2024-03-15T14:22+02:00", "2024-03-15T14:22+0200", "2024-03-15T14:22+02",
          "2024-03-15 14:22:00+02", "2024-03-15t14:22:00.000+02:00", "2024-03-15T12:22z",
          "2024-03-15T12:22:00,000000000Z", "2024-03-15T12:22:00",
        }) {
      assertThat(TimestampProfile.parseMicros(s)).as(s).isEqualTo(expected);
    }
  }

  static long toMicros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
  }

  private static final Pattern SHAPE =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2})(:\\d{2})?(?:[.,](\\d{1,9}))?([Zz]|[+-]\\d{2}(?::?\\d{2})?)?");

  /** The instant per java.time, after normalising the accepted shape to strict ISO. */
  static long independentMicros(String input) {
    Matcher m = SHAPE.matcher(input);
    assertThat(m.matches()).as("test regex matches " + input).isTrue();
    String offset = m.group(5);
    if (offset == null || offset.equalsIgnoreCase("z")) {
      offset = "Z";
    } else if (offset.length() == 3) {
      offset = offset + ":00";
    } else if (offset.length() == 5) {
      offset = offset.substring(0, 3) + ":" + offset.substring(3);
    }
    String iso =
        m.group(1)
            + "T"
            + m.group(2)
            + (m.group(3) == null ? ":00" : m.group(3))
            + (m.group(4) == null ? "" : "." + m.group(4))
            + offset;
    Instant i = OffsetDateTime.parse(iso).toInstant();
    // truncatedTo floors toward the past, as docs/spec.md asks.
    return toMicros(i.truncatedTo(ChronoUnit.MICROS));
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        if (e == 'n') {
          b.append('\n');
        } else if (e == 't') {
          b.append('\t');
        } else if (e == 'u') {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          b.append('\\').append(e);
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
