package com.benefits.etl.bench;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run found: the setup, every sample, the medians, and the outcome counts
 * of ours and both DuckDB peers (from the last round) to compare: ours must equal the exact peer's;
 * the plain peer's differ (it is lenient) and are reported, not compared. The DuckDB peers and the
 * parse floor read the array layout only: on an NDJSON data set they do not run, and the peers'
 * reports are null.
 */
record Results(
    Instant startedAt,
    DataSet data,
    long eventsBytes,
    int rounds,
    List<String> jvmOptions,
    PeakRss peakRss,
    PeerReport duckdbExact,
    PeerReport duckdbPlain,
    Map<String, Long> oursCounts,
    Map<String, Long> oursSparkCounts,
    PeerReport sparkPlain,
    List<RunSample> samples) {

  Results {
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(data, "data is null");
    jvmOptions = List.copyOf(jvmOptions);
    requireNonNull(peakRss, "peakRss is null");
    oursCounts = Map.copyOf(oursCounts);
    oursSparkCounts = Map.copyOf(oursSparkCounts);
    samples = List.copyOf(samples);
  }

  Map<Engine, Medians> medians() {
    Map<Engine, Medians> m = new EnumMap<>(Engine.class);
    for (Engine e : Engine.values()) {
      List<RunSample> runs = samples.stream().filter(s -> s.engine() == e).toList();
      if (!runs.isEmpty()) {
        m.put(e, Medians.of(e, runs));
      }
    }
    return m;
  }

  /** Whether the Spark engines ran. */
  boolean spark() {
    return medians().containsKey(Engine.OURS_SPARK);
  }

  /** Our Spark engine's wall time over the plain Spark job's. */
  double sparkRatio() {
    Map<Engine, Medians> m = medians();
    return m.get(Engine.OURS_SPARK).wallSeconds() / m.get(Engine.SPARK_PLAIN).wallSeconds();
  }

  /** Outcomes whose counts differ between our two engines (none, if both are right). */
  List<String> sparkCountDifferences() {
    return oursCounts.keySet().stream()
        .filter(k -> !oursCounts.get(k).equals(oursSparkCounts.get(k)))
        .sorted()
        .toList();
  }

  double ratio(Engine other) {
    Map<Engine, Medians> m = medians();
    return m.get(Engine.OURS).wallSeconds() / m.get(other).wallSeconds();
  }

  double oursEventsPerSecond() {
    return data.events() / medians().get(Engine.OURS).wallSeconds();
  }

  double oursMegabytesPerSecond() {
    return eventsBytes / 1e6 / medians().get(Engine.OURS).wallSeconds();
  }

  /**
   * Outcomes (clean, each reason, records read, daily rows) whose counts differ from duckdb-exact.
   */
  List<String> countDifferences() {
    if (duckdbExact == null) {
      return List.of();
    }
    return oursCounts.keySet().stream()
        .filter(k -> duckdbExact.counts().containsKey(k))
        .filter(k -> !oursCounts.get(k).equals(duckdbExact.counts().get(k)))
        .sorted()
        .toList();
  }
}
