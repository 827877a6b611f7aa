package com.benefits.etl.testing;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks on a published output directory (docs/spec.md 3.5): its published set, what unfinished
 * runs left, and that the four files come from one and the same run.
 */
public final class Outputs {
  /** The output directory's state: the published set, the lock, runs in progress. */
  public static final String STATE = ".benefits-etl";

  private Outputs() {}

  /**
   * What a run left that a finished run does not: anything in {@code .benefits-etl/} other than
   * {@code current}, the run it points to and the runs kept in {@code failed/} (the lock, scratch
   * space, unpublished runs), and hidden files beside the outputs. Paths relative to {@code dir}.
   */
  public static List<String> temporaries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Path state = dir.resolve(STATE);
    String live = null;
    try {
      if (Files.isSymbolicLink(state.resolve("current"))) {
        live = "runs/" + Files.readSymbolicLink(state.resolve("current")).getFileName();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> left = new ArrayList<>();
    for (String name : TestFiles.snapshot(dir).keySet()) {
      if (!name.startsWith(STATE + "/")) {
        if (name.startsWith(".")) {
          left.add(name);
        }
        continue;
      }
      String inside = name.substring(STATE.length() + 1);
      boolean kept =
          inside.equals("current")
              || (live != null && inside.startsWith(live + "/"))
              || inside.startsWith("failed/");
      if (!kept) {
        left.add(name);
      }
    }
    return left.stream().sorted().toList();
  }

  /** The published outputs: each output name that resolves to a file, with its bytes. */
  public static Map<String, byte[]> published(Path dir) {
    Map<String, byte[]> files = new HashMap<>();
    for (Output o : Output.values()) {
      Path p = dir.resolve(o.fileName());
      if (Files.isRegularFile(p)) {
        try {
          files.put(o.fileName(), Files.readAllBytes(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
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
