package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The limits a run checks its own counts against before it publishes (docs/spec.md, "Quality
 * gates"). A run that fails one publishes nothing: its outputs are kept for diagnosis outside the
 * published set, and the command line exits with status 3.
 *
 * <p>The defaults catch a wrong input file with no option given: records were read but none is
 * clean (a users file given as events, timestamps of another format, a country no user has, a users
 * file without users), or more than half of the records read are {@code malformed_record} (a file
 * that is not JSON, such as a CSV, a UTF-16 file or a compressed file without its {@code .gz}
 * name). An input with no records at all passes: the contract writes its outputs empty.
 *
 * @param enabled false turns every gate off
 * @param minCleanRows the fewest clean rows a run may publish; {@link #AT_LEAST_ONE_IF_ANY_READ}
 *     (the default) asks for one when any record was read
 * @param maxRejectedFraction the largest share of the records read that may be rejected, all
 *     reasons together (0 to 1; 1, the default, sets no limit)
 * @param maxFractionByReason the largest share of the records read that each reason may reject; a
 *     reason not in the map has no limit of its own
 */
public record QualityGates(
    boolean enabled,
    long minCleanRows,
    double maxRejectedFraction,
    Map<RejectReason, Double> maxFractionByReason) {

  /** {@link #minCleanRows()}'s default: one clean row whenever a record was read. */
  public static final long AT_LEAST_ONE_IF_ANY_READ = -1;

  /** The default limit on {@code malformed_record}: half of the records read. */
  public static final double DEFAULT_MAX_MALFORMED_FRACTION = 0.5;

  private static final QualityGates DEFAULTS = builder().build();
  private static final QualityGates OFF = builder().enabled(false).build();

  public QualityGates {
    if (minCleanRows < AT_LEAST_ONE_IF_ANY_READ) {
      throw new IllegalArgumentException(
          "minCleanRows must be 0 or more (or AT_LEAST_ONE_IF_ANY_READ), got " + minCleanRows);
    }
    checkFraction("maxRejectedFraction", maxRejectedFraction);
    requireNonNull(maxFractionByReason, "maxFractionByReason is null");
    EnumMap<RejectReason, Double> copy = new EnumMap<>(RejectReason.class);
    maxFractionByReason.forEach(
        (reason, limit) -> {
          requireNonNull(reason, "a reason is null");
          checkFraction("the limit of " + reason.code(), requireNonNull(limit, "limit is null"));
          copy.put(reason, limit);
        });
    maxFractionByReason = Collections.unmodifiableMap(copy);
  }

  private static void checkFraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be a fraction from 0 to 1, got " + value);
    }
  }

  /** The defaults described above. */
  public static QualityGates defaults() {
    return DEFAULTS;
  }

  /** No gate at all: every run publishes, as before gates existed. */
  public static QualityGates off() {
    return OFF;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a run's counts against every gate, in a fixed order: the clean rows, all rejects, then
   * each reason in the contract's order.
   *
   * @return one check per gate that applies (none when the gates are off)
   */
  public List<GateCheck> check(RunResult counts) {
    List<GateCheck> checks = new ArrayList<>();
    if (!enabled) {
      return checks;
    }
    long read = counts.recordsRead();
    long minimum = minCleanRows == AT_LEAST_ONE_IF_ANY_READ ? (read > 0 ? 1 : 0) : minCleanRows;
    if (minimum > 0) {
      checks.add(
          new GateCheck(
              "min_clean_rows",
              counts.cleanEvents(),
              minimum,
              counts.cleanEvents() >= minimum,
              String.format(
                  Locale.ROOT,
                  "%,d clean rows of %,d records read, at least %,d required",
                  counts.cleanEvents(),
                  read,
                  minimum)));
    }
    if (maxRejectedFraction < 1) {
      checks.add(
          fraction("max_rejected_fraction", counts.rejectedTotal(), read, maxRejectedFraction));
    }
    for (RejectReason reason : RejectReason.values()) {
      Double limit = maxFractionByReason.get(reason);
      if (limit != null && limit < 1) {
        checks.add(fraction("max_fraction." + reason.code(), counts.rejected(reason), read, limit));
      }
    }
    return checks;
  }

  private static GateCheck fraction(String name, long count, long read, double limit) {
    double measured = read == 0 ? 0 : (double) count / read;
    return new GateCheck(
        name,
        measured,
        limit,
        measured <= limit,
        String.format(
            Locale.ROOT,
            "%,d of %,d records read (%s) rejected, at most %s allowed",
            count,
            read,
            percent(measured),
            percent(limit)));
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
  }

  /** Builds {@link QualityGates}, starting from the defaults. */
  public static final class Builder {
    private boolean enabled = true;
    private long minCleanRows = AT_LEAST_ONE_IF_ANY_READ;
    private double maxRejectedFraction = 1;
    private final Map<RejectReason, Double> maxFractionByReason =
        new EnumMap<>(Map.of(RejectReason.MALFORMED_RECORD, DEFAULT_MAX_MALFORMED_FRACTION));

    private Builder() {}

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** The fewest clean rows to publish, whether or not records were read. */
    public Builder minCleanRows(long minCleanRows) {
      this.minCleanRows = minCleanRows;
      return this;
    }

    /** The largest share of the records read that may be rejected, for all reasons together. */
    public Builder maxRejectedFraction(double fraction) {
      this.maxRejectedFraction = fraction;
      return this;
    }

    /** The largest share of the records read that {@code reason} may reject; 1 lifts the limit. */
    public Builder maxFraction(RejectReason reason, double fraction) {
      maxFractionByReason.put(requireNonNull(reason, "reason is null"), fraction);
      return this;
    }

    public QualityGates build() {
      return new QualityGates(enabled, minCleanRows, maxRejectedFraction, maxFractionByReason);
    }
  }
}
