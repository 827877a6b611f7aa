package com.benefits.etl.internal.rules;

/**
 * The one timestamp rule of the pipeline (docs/spec.md 1.3): which strings are valid and the UTC
 * instant they name, in microseconds since the epoch.
 *
 * <pre>
 * YYYY-MM-DD ( T | t | ' ' ) hh:mm [ :ss [ (. | ,) 1-9 digits ] ] [ Z | z | ±hh:mm | ±hhmm | ±hh ]
 * </pre>
 *
 * <p>ASCII digits only, nothing before or after; real calendar dates in years 0001–9999; hour
 * 00–23, minute and second 00–59; offsets at most 18:00 either way; the UTC instant within
 * 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999Z; fraction digits past microseconds are
 * truncated. Written by hand because it is on the per-record hot path and must be exactly this
 * profile, no more lenient (as {@code java.time} parsers are) and no stricter.
 */
public final class TimestampProfile {
  /** Returned by {@link #parseMicros} for a string that is not a valid timestamp. */
  public static final long INVALID = Long.MIN_VALUE;

  static final long MICROS_PER_DAY = 86_400_000_000L;
  static final long MIN_MICROS = CivilDate.MIN_EPOCH_DAY * MICROS_PER_DAY;
  static final long MAX_MICROS = (CivilDate.MAX_EPOCH_DAY + 1L) * MICROS_PER_DAY - 1;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  /** Why a string is not a valid timestamp; the message completes "timestamp "x" ...". */
  enum Problem {
    SHAPE("does not match YYYY-MM-DD[T| ]hh:mm[:ss[.fraction]][Z|±hh:mm]"),
    DATE("is not a real calendar date in years 0001-9999"),
    TIME("has an hour, minute or second out of range"),
    OFFSET("has a UTC offset beyond ±18:00"),
    INSTANT("is outside 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999999Z once in UTC");

    final String message;

    Problem(String message) {
      this.message = message;
    }
  }

  private TimestampProfile() {}

  /** The UTC instant in microseconds since the epoch, or {@link #INVALID}. */
  public static long parseMicros(CharSequence s) {
    return parse(s, null);
  }

  /** The UTC date (days since 1970-01-01) of an instant returned by {@link #parseMicros}. */
  public static int epochDay(long micros) {
    return (int) Math.floorDiv(micros, MICROS_PER_DAY);
  }

  /** A sentence saying why {@code s} is not valid, for the rejects file; empty if it is valid. */
  public static String explain(String s) {
    Problem[] problem = new Problem[1];
    if (parse(s, problem) != INVALID) {
      return "";
    }
    return "timestamp " + Texts.quote(s) + " " + problem[0].message;
  }

  private static long fail(Problem[] out, Problem problem) {
    if (out != null) {
      out[0] = problem;
    }
    return INVALID;
  }

  private static long parse(CharSequence s, Problem[] out) {
    int n = s.length();
    if (n < 16
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(13) != ':'
        || !isSeparator(s.charAt(10))) {
      return fail(out, Problem.SHAPE);
    }
    int year = CivilDate.digits(s, 0, 4);
    int month = CivilDate.digits(s, 5, 2);
    int day = CivilDate.digits(s, 8, 2);
    int hour = CivilDate.digits(s, 11, 2);
    int minute = CivilDate.digits(s, 14, 2);
    if ((year | month | day | hour | minute) < 0) {
      return fail(out, Problem.SHAPE);
    }
    int pos = 16;
    int second = 0;
    long fraction = 0;
    if (pos < n && s.charAt(pos) == ':') {
      if (pos + 3 > n || (second = CivilDate.digits(s, pos + 1, 2)) < 0) {
        return fail(out, Problem.SHAPE);
      }
      pos += 3;
      if (pos < n && (s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
        pos++;
        int start = pos;
        while (pos < n && isDigit(s.charAt(pos))) {
          if (pos - start < 6) {
            fraction = fraction * 10 + (s.charAt(pos) - '0');
          }
          pos++;
        }
        int count = pos - start;
        if (count < 1 || count > 9) {
          return fail(out, Problem.SHAPE);
        }
        for (int i = count; i < 6; i++) {
          fraction *= 10;
        }
      }
    }
    int offsetSeconds = 0;
    if (pos < n) {
      char c = s.charAt(pos);
      if (c == 'Z' || c == 'z') {
        pos++;
      } else if (c == '+' || c == '-') {
        int offsetHours = pos + 3 <= n ? CivilDate.digits(s, pos + 1, 2) : -1;
        if (offsetHours < 0) {
          return fail(out, Problem.SHAPE);
        }
        pos += 3;
        int offsetMinutes = 0;
        if (pos < n) {
          if (s.charAt(pos) == ':') {
            pos++;
          }
          offsetMinutes = pos + 2 <= n ? CivilDate.digits(s, pos, 2) : -1;
          if (offsetMinutes < 0) {
            return fail(out, Problem.SHAPE);
          }
          pos += 2;
        }
        if (pos != n) {
          return fail(out, Problem.SHAPE);
        }
        offsetSeconds = offsetHours * 3600 + offsetMinutes * 60;
        if (offsetMinutes > 59 || offsetSeconds > MAX_OFFSET_SECONDS) {
          return fail(out, Problem.OFFSET);
        }
        if (c == '-') {
          offsetSeconds = -offsetSeconds;
        }
      } else {
        return fail(out, Problem.SHAPE);
      }
    }
    if (pos != n) {
      return fail(out, Problem.SHAPE);
    }
    if (!CivilDate.isValid(year, month, day)) {
      return fail(out, Problem.DATE);
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return fail(out, Problem.TIME);
    }
    long seconds =
        CivilDate.epochDay(year, month, day) * 86_400L
            + hour * 3600L
            + minute * 60L
            + second
            - offsetSeconds;
    long micros = seconds * 1_000_000L + fraction;
    if (micros < MIN_MICROS || micros > MAX_MICROS) {
      return fail(out, Problem.INSTANT);
    }
    return micros;
  }

  private static boolean isSeparator(char c) {
    return c == 'T' || c == 't' || c == ' ';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
