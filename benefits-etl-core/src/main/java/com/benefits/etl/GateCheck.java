package com.benefits.etl;

import static java.util.Objects.requireNonNull;

/**
 * One quality gate checked against a run's counts (see {@link QualityGates}).
 *
 * @param name the gate, such as {@code min_clean_rows} or {@code max_fraction.malformed_record}
 * @param measured the run's figure: a row count, or a fraction of the records read
 * @param limit the gate's limit, in the same unit
 * @param passed whether the figure is within the limit
 * @param description the figure and the limit in words, for the one-line message
 */
public record GateCheck(
    String name, double measured, double limit, boolean passed, String description) {

  public GateCheck {
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
  }

  /** {@code name: description}. */
  @Override
  public String toString() {
    return name + ": " + description;
  }
}
