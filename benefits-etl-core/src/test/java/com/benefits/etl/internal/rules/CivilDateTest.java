package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/spec.md 1.2 signup dates and the calendar arithmetic behind every DATE column. */
class CivilDateTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'2024-03-15'     | 2024-03-15",
        "'2024-02-29'     | 2024-02-29",
        "'2000-02-29'     | 2000-02-29",
        "'0001-01-01'     | 0001-01-01",
        "'9999-12-31'     | 9999-12-31",
        "'1969-12-31'     | 1969-12-31",
        "'  2024-03-15'   | 2024-03-15",
        "'2024-03-15  '   | 2024-03-15",
        "' \t2024-03-15\t ' | 2024-03-15",
      })
  void parsesCalendarDatesWithSurroundingWhitespace(String text, String iso) {
    assertThat(CivilDate.parseIsoDate(text))
        .isEqualTo(OptionalInt.of((int) LocalDate.parse(iso).toEpochDay()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "2023-02-29",
        "1900-02-29",
        "2024-02-30",
        "2024-04-31",
        "2024-13-01",
        "2024-00-01",
        "2024-01-00",
        "2024-01-32",
        "0000-01-01",
        "0000-12-31",
        "2024/03/15",
        "15-03-2024",
        "2024-3-15",
        "2024-03-5",
        "20240315",
        "2024-03-15T00:00",
        "2024-03-15Z",
        "+2024-03-15",
        "-2024-03-15",
        "12024-03-15",
        "2024-03-1a",
        "2024-O3-15",
        "２０２４-03-15",
        "٢٠٢٤-٠٣-١٥",
        "2024-03-15 x",
        "x2024-03-15",
        "2024--3-15",
        "2024-03-+5",
        "null",
        "yesterday",
      })
  void rejectsNonDates(String text) {
    assertThat(CivilDate.parseIsoDate(text)).as("[" + text + "]").isEmpty();
  }

  @Test
  void epochDayMatchesJavaTimeForRandomDates() {
    Random random = new Random(20240315L);
    long min = LocalDate.of(1, 1, 1).toEpochDay();
    long max = LocalDate.of(9999, 12, 31).toEpochDay();
    for (int i = 0; i < 200_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(min + (long) (random.nextDouble() * (max - min + 1)));
      assertThat(CivilDate.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .as(d.toString())
          .isEqualTo((int) d.toEpochDay());
      assertThat(CivilDate.parseIsoDate(d.toString()))
          .isEqualTo(OptionalInt.of((int) d.toEpochDay()));
    }
  }

  @Test
  void epochDayMatchesJavaTimeForEveryDayAroundEraAndCenturyBoundaries() {
    int[] years = {
      1, 2, 99, 100, 101, 399, 400, 401, 1600, 1700, 1899, 1900, 1969, 1970, 2000, 2100, 9999
    };
    for (int year : years) {
      for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
        assertThat(CivilDate.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
            .as(d.toString())
            .isEqualTo((int) d.toEpochDay());
      }
    }
  }

  @Test
  void bounds() {
    assertThat(CivilDate.MIN_EPOCH_DAY).isEqualTo((int) LocalDate.of(1, 1, 1).toEpochDay());
    assertThat(CivilDate.MAX_EPOCH_DAY).isEqualTo((int) LocalDate.of(9999, 12, 31).toEpochDay());
    assertThat(CivilDate.isValid(0, 12, 31)).isFalse();
    assertThat(CivilDate.isValid(10000, 1, 1)).isFalse();
    assertThat(CivilDate.isValid(2024, 2, 29)).isTrue();
    assertThat(CivilDate.isValid(2100, 2, 29)).isFalse();
  }
}
