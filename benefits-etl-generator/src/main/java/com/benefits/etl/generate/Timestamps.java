package com.benefits.etl.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Renders instants as valid timestamp text (docs/spec.md 1.3) in many equivalent styles. */
final class Timestamps {
  private static final int[] OFFSETS = {
    0, 60, 120, 180, 330, 345, 540, 600, 1080, -1080, -180, -210, -240, -300, -360, -420, -480, -600
  };

  private Timestamps() {}

  /**
   * The text of {@code epochSecond + nanos} in {@code style}. A fraction shows the first digits of
   * the 9-digit nanos; callers choose nanos and digits so that the text parses back to the instant.
   */
  static String render(long epochSecond, int nanos, TimestampStyle style) {
    long local = epochSecond + style.offsetMinutes() * 60L;
    long day = Math.floorDiv(local, 86_400L);
    int secOfDay = (int) Math.floorMod(local, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(day); // java.time, independent of the pipeline's rules
    int year = date.getYear();
    int month = date.getMonthValue();
    int dayOfMonth = date.getDayOfMonth();
    char[] buf = new char[40];
    int n = digits(buf, 0, year, 4);
    buf[n++] = '-';
    n = digits(buf, n, month, 2);
    buf[n++] = '-';
    n = digits(buf, n, dayOfMonth, 2);
    buf[n++] = style.separator();
    n = digits(buf, n, secOfDay / 3600, 2);
    buf[n++] = ':';
    n = digits(buf, n, secOfDay / 60 % 60, 2);
    if (style.seconds()) {
      buf[n++] = ':';
      n = digits(buf, n, secOfDay % 60, 2);
      if (style.fractionDigits() > 0) {
        buf[n++] = style.fractionSeparator();
        int fraction = nanos;
        for (int i = style.fractionDigits(); i < 9; i++) {
          fraction /= 10;
        }
        n = digits(buf, n, fraction, style.fractionDigits());
      }
    }
    n = appendZone(buf, n, style);
    return new String(buf, 0, n);
  }

  /** Writes {@code value} zero-padded to {@code width} digits at {@code pos}; returns the end. */
  private static int digits(char[] buf, int pos, int value, int width) {
    for (int i = pos + width - 1; i >= pos; i--) {
      buf[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return pos + width;
  }

  private static int appendZone(char[] buf, int n, TimestampStyle style) {
    int off = style.offsetMinutes();
    char sign = off < 0 || (off == 0 && style.minusZero()) ? '-' : '+';
    int abs = Math.abs(off);
    switch (style.zone()) {
      case NONE -> {
        return n;
      }
      case Z -> buf[n++] = 'Z';
      case LOWER_Z -> buf[n++] = 'z';
      case COLON -> {
        buf[n++] = sign;
        n = digits(buf, n, abs / 60, 2);
        buf[n++] = ':';
        n = digits(buf, n, abs % 60, 2);
      }
      case NO_COLON -> {
        buf[n++] = sign;
        n = digits(buf, n, abs / 60, 2);
        n = digits(buf, n, abs % 60, 2);
      }
      case HOURS -> {
        buf[n++] = sign;
        n = digits(buf, n, abs / 60, 2);
      }
      default -> throw new IllegalArgumentException("zone " + style.zone());
    }
    return n;
  }

  /** Number of significant fraction digits of {@code nanos} (0 when it is 0). */
  static int significantDigits(int nanos) {
    if (nanos == 0) {
      return 0;
    }
    int digits = 9;
    int n = nanos;
    while (n % 10 == 0) {
      n /= 10;
      digits--;
    }
    return digits;
  }

  /**
   * A random style for an instant, never dropping information: seconds are only left out on a whole
   * minute without fraction, and a fraction keeps every significant digit down to the microsecond.
   */
  static TimestampStyle randomStyle(SplittableRandom rng, long epochSecond, int nanos) {
    int sig = significantDigits(nanos);
    int minDigits = Math.min(sig, 6);
    boolean wholeMinute = Math.floorMod(epochSecond, 60L) == 0 && nanos == 0;
    char separator =
        switch (rng.nextInt(4)) {
          case 0 -> 't';
          case 1 -> ' ';
          default -> 'T';
        };
    boolean seconds = !wholeMinute || rng.nextInt(3) != 0;
    int digits = 0;
    if (seconds && (minDigits > 0 || rng.nextInt(3) == 0)) {
      digits = Math.max(1, minDigits) + rng.nextInt(10 - Math.max(1, minDigits));
    }
    if (minDigits > 0 && digits < minDigits) {
      digits = minDigits;
    }
    char fractionSep = rng.nextInt(4) == 0 ? ',' : '.';
    TimestampStyle.Zone zone = TimestampStyle.Zone.values()[rng.nextInt(6)];
    int offset = 0;
    boolean minusZero = false;
    switch (zone) {
      case COLON, NO_COLON -> {
        offset = OFFSETS[rng.nextInt(OFFSETS.length)];
        minusZero = offset == 0 && rng.nextInt(4) == 0;
      }
      case HOURS -> {
        do {
          offset = OFFSETS[rng.nextInt(OFFSETS.length)];
        } while (offset % 60 != 0);
        minusZero = offset == 0 && rng.nextInt(4) == 0;
      }
      default -> {}
    }
    return new TimestampStyle(separator, seconds, digits, fractionSep, zone, offset, minusZero);
  }
}
