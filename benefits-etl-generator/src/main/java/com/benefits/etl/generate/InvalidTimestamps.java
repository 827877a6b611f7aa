package com.benefits.etl.generate;

import java.util.SplittableRandom;

/**
 * Timestamp values that fail docs/spec.md 1.3: every invalid example of its table and the edges
 * around each rule. {@link #pick} returns null for "field absent".
 */
final class InvalidTimestamps {
  /** Invalid strings; each violates exactly one rule of docs/spec.md 1.3. */
  static final String[] STRINGS = {
    "2024-03-15", // a date is not a timestamp
    "2024-02-30T10:00:00Z", // not a calendar date
    "2023-02-29T10:00:00Z", // Feb 29 of a non-leap year
    "2024-03-15T24:00:00Z", // hour 24
    "2024-06-30T23:59:60Z", // leap second
    "2024-03-15T10:60:00Z", // minute 60
    "2024-03-15T10:00:00+25:00", // offset out of range
    "2024-03-15T10:00:00+18:30", // offset past 18:00
    "2024-03-15T10:00:00-19", // offset past 18:00
    "2024-03-15T10:00:00+05:60", // offset minutes 60
    "15/03/2024 14:22", // not ISO
    "20240315T142205Z", // basic format
    "yesterday",
    "",
    "2024-03-15T14:22:05.Z", // empty fraction
    "2024-03-15T14:22:05.1234567890Z", // 10 fraction digits
    "2024-3-5T1:02:03Z", // missing zero padding
    "2024-03-15T14Z", // no minutes
    "2024-03-15T14:22:05ZZ", // trailing garbage
    "2024-03-15T14:22:05 Z", // space before the zone
    "2024-03-15T14:22:05GMT", // named zone
    "2024-03-15T14:22:05+0", // one-digit offset
    "2024-03-15TT14:22:05Z", // doubled separator
    "2024-03-15_14:22:05", // wrong separator
    "2024-03-15  14:22:05", // two spaces
    "0000-01-01T00:00:00Z", // year 0
    "0001-01-01T00:30:00+01:00", // instant before 0001-01-01T00:00:00Z
    "9999-12-31T23:30:00-01:00", // instant after 9999-12-31T23:59:59.999999Z
    "\u0662\u0660\u0662\u0664-03-15T14:22:05Z", // Arabic-Indic digits
    "\uFF12\uFF10\uFF12\uFF14-03-15T14:22:05Z", // full-width digits
    "2024-03-15T14:22:05Z\n", // trailing newline
  };

  private InvalidTimestamps() {}

  /**
   * An invalid timestamp value, sometimes derived from the valid text {@code valid}; null = absent.
   */
  static Json pick(SplittableRandom rng, String valid) {
    int n = rng.nextInt(100);
    if (n < 55) {
      return Json.str(STRINGS[rng.nextInt(STRINGS.length)]);
    }
    if (n < 62) {
      return Json.str(" " + valid);
    }
    if (n < 69) {
      return Json.str(valid + " ");
    }
    if (n < 76) {
      return null;
    }
    if (n < 83) {
      return Json.NULL;
    }
    if (n < 89) {
      return Json.num(1_710_512_525L);
    }
    if (n < 92) {
      return Json.num("1.710512525E9");
    }
    if (n < 95) {
      return Json.bool(true);
    }
    if (n < 98) {
      return Json.obj(Json.field("$date", Json.str(valid)));
    }
    return Json.arr(Json.str(valid));
  }
}
