package com.benefits.etl.internal.rules;

/**
 * Proleptic Gregorian calendar arithmetic on plain ints, without allocation: validity checks and
 * conversion to days since 1970-01-01 (the Parquet DATE unit).
 */
public final class CivilDate {
  /** Days since the epoch of 0001-01-01, the first date the pipeline accepts. */
  public static final int MIN_EPOCH_DAY = epochDay(1, 1, 1);

  /** Days since the epoch of 9999-12-31, the last date the pipeline accepts. */
  public static final int MAX_EPOCH_DAY = epochDay(9999, 12, 31);

  private CivilDate() {}

  /** True when year 1–9999, month 1–12 and day exist in that month (leap years included). */
  public static boolean isValid(int year, int month, int day) {
    return year >= 1
        && year <= 9999
        && month >= 1
        && month <= 12
        && day >= 1
        && day <= daysInMonth(year, month);
  }

  static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        return isLeap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  static boolean isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }

  /** Days since 1970-01-01 of a valid date (Howard Hinnant's days_from_civil). */
  public static int epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /**
   * Parses a signup date (docs/spec.md 1.2): {@code YYYY-MM-DD}, a real calendar date, surrounding
   * whitespace allowed.
   *
   * @return days since 1970-01-01, or {@link java.util.OptionalInt#empty()} when not a date
   */
  public static java.util.OptionalInt parseIsoDate(String text) {
    String s = Texts.trim(text);
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return java.util.OptionalInt.empty();
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 0 || day < 0 || !isValid(year, month, day)) {
      return java.util.OptionalInt.empty();
    }
    return java.util.OptionalInt.of(epochDay(year, month, day));
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not one. */
  static int digits(CharSequence s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
