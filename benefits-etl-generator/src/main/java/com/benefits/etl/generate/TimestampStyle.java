package com.benefits.etl.generate;

/**
 * One way of writing a valid timestamp (docs/spec.md 1.3): separator, seconds, fraction and zone.
 *
 * @param separator {@code T}, {@code t} or a space
 * @param seconds whether {@code :ss} is written (only for instants on a whole minute otherwise)
 * @param fractionDigits 0 for no fraction, else 1 to 9 digits
 * @param fractionSeparator {@code .} or {@code ,}
 * @param zone how the zone is written
 * @param offsetMinutes the offset, 0 for {@code Z}, {@code z} and no zone
 * @param minusZero write a zero offset as {@code -00:00} (still UTC)
 */
record TimestampStyle(
    char separator,
    boolean seconds,
    int fractionDigits,
    char fractionSeparator,
    Zone zone,
    int offsetMinutes,
    boolean minusZero) {

  /** {@code YYYY-MM-DDThh:mm:ssZ}. */
  static final TimestampStyle CANONICAL = new TimestampStyle('T', true, 0, '.', Zone.Z, 0, false);

  /** How the zone is written. */
  enum Zone {
    NONE,
    Z,
    LOWER_Z,
    COLON,
    NO_COLON,
    HOURS
  }

  TimestampStyle {
    if (separator != 'T' && separator != 't' && separator != ' ') {
      throw new IllegalArgumentException("separator " + separator);
    }
    if (fractionDigits < 0 || fractionDigits > 9 || (!seconds && fractionDigits > 0)) {
      throw new IllegalArgumentException("fractionDigits " + fractionDigits);
    }
    if (Math.abs(offsetMinutes) > 18 * 60) {
      throw new IllegalArgumentException("offsetMinutes " + offsetMinutes);
    }
    boolean offsetZone = zone == Zone.COLON || zone == Zone.NO_COLON || zone == Zone.HOURS;
    if (!offsetZone && (offsetMinutes != 0 || minusZero)) {
      throw new IllegalArgumentException(zone + " with offset " + offsetMinutes);
    }
    if (zone == Zone.HOURS && offsetMinutes % 60 != 0) {
      throw new IllegalArgumentException("HOURS zone with offset " + offsetMinutes);
    }
  }
}
