package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@link EtlPipeline#run()} returns: the counts of every step, the users-file counts and where
 * the outputs are. The same figures are in {@code run_report.json}.
 *
 * @param rejected how many records each reason rejected (every reason present, zero included)
 */
public record RunResult(
    long recordsRead,
    long cleanEvents,
    Map<RejectReason, Long> rejected,
    long dailySummaryRows,
    UsersStats users,
    Path outputDirectory,
    Duration duration) {

  public RunResult {
    requireNonNull(rejected, "rejected is null");
    requireNonNull(users, "users is null");
    requireNonNull(outputDirectory, "outputDirectory is null");
    requireNonNull(duration, "duration is null");
    EnumMap<RejectReason, Long> all = new EnumMap<>(RejectReason.class);
    for (RejectReason r : RejectReason.values()) {
      all.put(r, rejected.getOrDefault(r, 0L));
    }
    rejected = Collections.unmodifiableMap(all);
  }

  /** Records rejected for {@code reason}. */
  public long rejected(RejectReason reason) {
    return rejected.get(reason);
  }

  /** Records rejected for any reason. */
  public long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * docs/spec.md, section 2: every record read is either clean or rejected for exactly one reason.
   */
  public boolean invariantHolds() {
    return recordsRead == cleanEvents + rejectedTotal();
  }

  /** Where {@code output} is, in the output directory. */
  public Path file(Output output) {
    return outputDirectory.resolve(output.fileName());
  }

  public Path cleanEventsFile() {
    return file(Output.CLEAN_EVENTS);
  }

  public Path dailySummaryFile() {
    return file(Output.DAILY_SUMMARY);
  }

  public Path rejectedEventsFile() {
    return file(Output.REJECTED_EVENTS);
  }

  public Path runReportFile() {
    return file(Output.RUN_REPORT);
  }
}
