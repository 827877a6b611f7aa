package com.benefits.etl.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A number of rows: 0 or more ({@code --min-clean-rows}). */
final class RowCounts implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    long n;
    try {
      n = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "expected a number of rows such as 1000, found '" + value + "'");
    }
    if (n < 0) {
      // -1 would otherwise slip through as the API's "one if any record was read".
      throw new TypeConversionException(value + " is not a number of rows (0 or more)");
    }
    return n;
  }
}
