package com.benefits.etl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark still works: the smoke preset (200k events, one round) runs all four engines
 * against the distribution, writes parseable results, and ours and the exact DuckDB peer agree on
 * every outcome count; the plain (lenient) DuckDB peer only has to run and write its three files.
 * Never a speed threshold.
 */
class BenchmarkSmokeIT {
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void smokePresetRunsEveryEngineAndOursAgreesWithExactDuckDb(@TempDir Path dir) throws Exception {
    Path project = Path.of(System.getProperty("etl.root", "..")).toAbsolutePath();
    Path json = dir.resolve("results.json");

    int status =
        Benchmark.execute(
            "--preset",
            "smoke",
            "--cache",
            dir.resolve("cache").toString(),
            "--json",
            json.toString(),
            "--project",
            project.toString());

    assertThat(status).isZero();
    Object results = JsonTree.read(json);
    List<?> samples = (List<?>) JsonTree.at(results, "samples");
    assertThat(samples).hasSize(4);
    assertThat(samples).allSatisfy(s -> assertThat(JsonTree.at(s, "exit_code")).isEqualTo(0L));
    assertThat(samples)
        .allSatisfy(s -> assertThat((Long) JsonTree.at(s, "peak_rss_kb")).isPositive());
    assertThat(JsonTree.at(results, "data_set", "events")).isEqualTo(200_000L);
    Map<?, ?> ours = (Map<?, ?>) JsonTree.at(results, "counts", "ours");
    Map<?, ?> exact = (Map<?, ?>) JsonTree.at(results, "counts", "duckdb-exact");
    assertThat(ours.get("records_read")).isEqualTo(200_000L);
    assertThat(exact.get("clean")).isEqualTo(ours.get("clean"));
    assertThat((List<?>) JsonTree.at(results, "counts", "different")).isEmpty();
    assertThat((Double) JsonTree.at(results, "ours", "wall_ratio_to_duckdb_exact")).isPositive();
    Object plain =
        samples.stream()
            .filter(s -> "duckdb-plain".equals(JsonTree.at(s, "engine")))
            .findFirst()
            .orElseThrow();
    List<String> plainFiles =
        ((List<?>) JsonTree.at(plain, "output_files")).stream().map(String::valueOf).toList();
    assertThat(plainFiles)
        .contains("clean_events.parquet", "daily_summary.parquet", "rejected_events.parquet");
    assertThat((Double) JsonTree.at(results, "ours", "wall_ratio_to_duckdb_plain")).isPositive();
  }
}
