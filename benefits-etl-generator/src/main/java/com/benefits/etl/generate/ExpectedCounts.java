package com.benefits.etl.generate;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.RejectReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The exact outcome a correct pipeline produces for the generated files with the default target
 * country {@code US} (the generator knows the fate of every record it writes).
 *
 * @param recordsRead records in the events file (blank NDJSON lines excluded)
 * @param clean records that reach {@code clean_events.parquet}
 * @param rejected one count per reason, every reason present
 * @param dailySummaryRows rows of {@code daily_summary.parquet}: distinct (user, UTC date) pairs
 * @param blankLines blank NDJSON lines written (not records; 0 for the array format)
 * @param users the users-table counts
 */
public record ExpectedCounts(
    long recordsRead,
    long clean,
    Map<RejectReason, Long> rejected,
    long dailySummaryRows,
    long blankLines,
    UsersCounts users) {

  public ExpectedCounts {
    requireNonNull(rejected, "rejected is null");
    requireNonNull(users, "users is null");
    EnumMap<RejectReason, Long> copy = new EnumMap<>(RejectReason.class);
    for (RejectReason reason : RejectReason.values()) {
      copy.put(reason, requireNonNull(rejected.get(reason), () -> "no count for " + reason));
    }
    rejected = Collections.unmodifiableMap(copy);
    long sum = clean + copy.values().stream().mapToLong(Long::longValue).sum();
    if (sum != recordsRead) {
      throw new IllegalArgumentException(
          "clean + rejected = " + sum + " but recordsRead = " + recordsRead);
    }
  }

  /** The count for one reason. */
  public long rejected(RejectReason reason) {
    return rejected.get(requireNonNull(reason, "reason is null"));
  }

  /** All rejected records. */
  public long totalRejected() {
    return recordsRead - clean;
  }
}
