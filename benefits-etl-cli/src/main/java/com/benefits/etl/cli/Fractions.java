package com.benefits.etl.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A share of the records read: {@code 0.25} or {@code 25%}, from 0 to 1. */
final class Fractions implements ITypeConverter<Double> {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

  @Override
  public Double convert(String value) {
    return parse(value);
  }

  static double parse(String value) {
    String v = value.strip();
    boolean percent = v.endsWith("%");
    String number = percent ? v.substring(0, v.length() - 1).strip() : v;
    if (!DECIMAL.matcher(number).matches()) { // not 0x1p-2, NaN, 1e-1 or Infinity
      throw new TypeConversionException(
          "expected a fraction such as 0.25 or 25%, found '" + value + "'");
    }
    double d = Double.parseDouble(number);
    double fraction = percent ? d / 100 : d;
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new TypeConversionException(
          String.format(Locale.ROOT, "'%s' is not a share from 0 to 1 (0%% to 100%%)", value));
    }
    return fraction;
  }
}
