package com.benefits.etl.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** Renders instants as valid timestamp text (SPEC 1.3) in many equivalent styles. */
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
    LocalDate date = LocalDate.ofEpochDay(day);
    StringBuilder sb = new StringBuilder(40);
    pad(sb, date.getYear(), 4).append('-');
    pad(sb, date.getMonthValue(), 2).append('-');
    pad(sb, date.getDayOfMonth(), 2).append(style.separator());
    pad(sb, secOfDay / 3600, 2).append(':');
    pad(sb, secOfDay / 60 % 60, 2);
    if (style.seconds()) {
      sb.append(':');
      pad(sb, secOfDay % 60, 2);
      if (style.fractionDigits() > 0) {
        sb.append(style.fractionSeparator());
        StringBuilder nine = new StringBuilder(9);
        pad(nine, nanos, 9);
        sb.append(nine, 0, style.fractionDigits());
      }
    }
    appendZone(sb, style);
    return sb.toString();
  }

  private static void appendZone(StringBuilder sb, TimestampStyle style) {
    int off = style.offsetMinutes();
    char sign = off < 0 || (off == 0 && style.minusZero()) ? '-' : '+';
    int abs = Math.abs(off);
    switch (style.zone()) {
      case NONE -> {}
      case Z -> sb.append('Z');
      case LOWER_Z -> sb.append('z');
      case COLON -> pad(pad(sb.append(sign), abs / 60, 2).append(':'), abs % 60, 2);
      case NO_COLON -> pad(pad(sb.append(sign), abs / 60, 2), abs % 60, 2);
      case HOURS -> pad(sb.append(sign), abs / 60, 2);
      default -> throw new IllegalArgumentException("zone " + style.zone());
    }
  }

  static StringBuilder pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
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
   * A random style for an instant, never dropping information: seconds are only left out on a
   * whole minute without fraction, and a fraction keeps every significant digit down to the
   * microsecond.
   */
  static TimestampStyle randomStyle(SplittableRandom rng, long epochSecond, int nanos) {
    int sig = significantDigits(nanos);
    int minDigits = Math.min(sig, 6);
    boolean wholeMinute = Math.floorMod(epochSecond, 60L) == 0 && nanos == 0;
    char separator = switch (rng.nextInt(4)) {
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
