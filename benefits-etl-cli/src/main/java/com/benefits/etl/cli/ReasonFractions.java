package com.benefits.etl.cli;

import com.benefits.etl.RejectReason;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code REASON=F}: a reject reason's code and the largest share of the records it may reject. */
final class ReasonFractions implements ITypeConverter<ReasonFractions.Limit> {
  record Limit(RejectReason reason, double fraction) {}

  @Override
  public Limit convert(String value) {
    int eq = value.indexOf('=');
    if (eq < 0) {
      throw new TypeConversionException(
          "expected REASON=FRACTION such as unknown_user=5%, found '" + value + "'");
    }
    String code = value.substring(0, eq).strip();
    for (RejectReason reason : RejectReason.values()) {
      if (reason.code().equalsIgnoreCase(code)) {
        return new Limit(reason, Fractions.parse(value.substring(eq + 1)));
      }
    }
    throw new TypeConversionException(
        "'"
            + code
            + "' is not a reject reason; expected one of "
            + Arrays.stream(RejectReason.values())
                .map(RejectReason::code)
                .collect(Collectors.joining(", ")));
  }
}
