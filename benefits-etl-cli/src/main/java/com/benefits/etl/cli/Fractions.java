package com.benefits.etl.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A share of the records read: {@code 0.25} or {@code 25%}, from 0 to 1. */
final class Fractions implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    return parse(value);
  }

  static double parse(String value) {
    String v = value.strip();
    boolean percent = v.endsWith("%");
    double d;
    try {
      d = Double.parseDouble(percent ? v.substring(0, v.length() - 1).strip() : v);
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "expected a fraction such as 0.25 or 25%, found '" + value + "'");
    }
    double fraction = percent ? d / 100 : d;
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new TypeConversionException(
          String.format(Locale.ROOT, "'%s' is not a share from 0 to 1 (0%% to 100%%)", value));
    }
    return fraction;
  }
}
