package com.benefits.etl.testing;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks on a published output directory: the four files come from one and the same run. */
public final class Outputs {
  public static final String TEMP_PREFIX = ".benefits-etl-tmp-";

  private Outputs() {}

  /** The temporary files in {@code dir}. */
  public static List<String> temporaries(Path dir) {
    return TestFiles.names(dir).stream().filter(n -> n.startsWith(TEMP_PREFIX)).toList();
  }

  /** {@code dir} without temporary files or the lock file. */
  public static Map<String, byte[]> published(Path dir) {
    return TestFiles.snapshot(dir).entrySet().stream()
        .filter(
            e -> !e.getKey().startsWith(TEMP_PREFIX) && !e.getKey().equals(".benefits-etl.lock"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
    assertThat(m.find()).as(field + " in the run report").isTrue();
    return Long.parseLong(m.group(1));
  }

  /**
   * The report's counts equal the rows of the three Parquet files, and every clean row is in the
   * report's country: the published files are one run's, never a mix. Returns the country.
   */
  public static String assertFromOneRun(Path dir) {
    try {
      String report = Files.readString(dir.resolve("run_report.json"));
      Matcher country = Pattern.compile("\"country\"\\s*:\\s*\"([^\"]+)\"").matcher(report);
      assertThat(country.find()).isTrue();
      Map<String, Object> clean =
          queryOne(
              "SELECT count(*) AS n, count(*) FILTER (WHERE country <> ?)"
                  + " AS other FROM read_parquet("
                  + literal(dir.resolve("clean_events.parquet"))
                  + ")",
              country.group(1));
      assertThat(clean.get("n")).isEqualTo(number(report, "clean"));
      assertThat(clean.get("other")).isEqualTo(0L);
      assertThat(
              queryOne(
                      "SELECT count(*) AS n FROM read_parquet("
                          + literal(dir.resolve("rejected_events.parquet"))
                          + ")")
                  .get("n"))
          .isEqualTo(number(report, "rejected_total"));
      assertThat(
              queryOne(
                      "SELECT count(*) AS n FROM read_parquet("
                          + literal(dir.resolve("daily_summary.parquet"))
                          + ")")
                  .get("n"))
          .isEqualTo(number(report, "daily_summary_rows"));
      return country.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
