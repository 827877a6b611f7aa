package com.benefits.etl.internal.rules;

import java.util.Locale;
import java.util.Map;

/**
 * Country normalisation (docs/spec.md 1.2): trimmed and upper-cased; {@code USA}, {@code UNITED
 * STATES} and {@code UNITED STATES OF AMERICA} become {@code US}; blank becomes null. The run's
 * target country goes through the same rule, so {@code --country usa} means {@code US}.
 */
public final class Countries {
  private static final Map<String, String> ALIASES =
      Map.of("USA", "US", "UNITED STATES", "US", "UNITED STATES OF AMERICA", "US");

  private Countries() {}

  /** The normalised country, or null when the value is null or blank. */
  public static String normalize(String raw) {
    String trimmed = Texts.trimToNull(raw);
    if (trimmed == null) {
      return null;
    }
    String upper = trimmed.toUpperCase(Locale.ROOT);
    return ALIASES.getOrDefault(upper, upper);
  }
}
