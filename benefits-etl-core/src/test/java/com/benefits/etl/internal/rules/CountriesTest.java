package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/spec.md 1.2 country normalisation. */
class CountriesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "US",
        "us",
        "Us",
        " us ",
        "USA",
        "usa",
        "uSa",
        "\tUSA\t",
        "UNITED STATES",
        "united states",
        "United States",
        "  United States  ",
        "UNITED STATES OF AMERICA",
        "united states of america",
        " United States Of America\t",
      })
  void usAliasesInAnyCaseBecomeUs(String raw) {
    assertThat(Countries.normalize(raw)).isEqualTo("US");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   ", "\t", " \t "})
  void blankBecomesNull(String raw) {
    assertThat(Countries.normalize(raw)).isNull();
  }

  @Test
  void nullBecomesNull() {
    assertThat(Countries.normalize(null)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'ca'                | CA",
        "' gb '              | GB",
        "'Germany'           | GERMANY",
        "'U.S.'              | U.S.",
        "'united  states'    | UNITED  STATES",
        "'America'           | AMERICA",
        "'istanbul'          | ISTANBUL",
        "'  côte d''ivoire ' | CÔTE D'IVOIRE",
      })
  void othersAreTrimmedAndUpperCased(String raw, String expected) {
    assertThat(Countries.normalize(raw)).isEqualTo(expected);
  }
}
