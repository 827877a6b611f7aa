package com.benefits.etl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher with {@code --engine spark}, as separate processes: on the bundled
 * data the Spark engine's run report gives the embedded engine's counts; without Spark on the
 * classpath, or without the engine jar, the run is exit 2 with one message saying what is missing.
 * (This module has Spark's jars, for the plain Spark peer; the launcher is given them as {@code
 * ETL_SPARK_CLASSPATH}, as the root bin/etl gives Maven's.)
 */
class SparkLauncherIT {
  private static final Path PROJECT =
      Path.of(System.getProperty("etl.root", "..")).toAbsolutePath();
  private static final Path ETL = PROJECT.resolve(Launcher.DISTRIBUTION_LAUNCHER);

  record Run(int status, String out, String err) {}

  private static Run etl(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    ProcessBuilder b =
        new ProcessBuilder(concat(List.of(ETL.toString()), List.of(args)).toArray(String[]::new))
            .directory(PROJECT.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    b.environment().remove("SPARK_HOME");
    b.environment().remove("ETL_SPARK_JAR");
    b.environment().remove("ETL_SPARK_CLASSPATH");
    b.environment().put("JAVA_HOME", System.getProperty("java.home"));
    b.environment().putAll(env);
    Process p = b.start();
    assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static String[] runArgs(Path output, String... more) {
    return concat(
            List.of(
                "run",
                "--events",
                "data/raw_events.json",
                "--users",
                "data/users.csv",
                "--output",
                output.toString()),
            List.of(more))
        .toArray(String[]::new);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theSparkEngineGivesTheEmbeddedEnginesCountsOnTheBundledData(@TempDir Path dir)
      throws Exception {
    Run embedded = etl(dir, Map.of(), runArgs(dir.resolve("embedded")));
    assertThat(embedded.status()).as(embedded.err()).isZero();
    Run spark =
        etl(
            dir,
            Map.of(
                "ETL_SPARK_JAR",
                SparkRuntime.engineJar(PROJECT).toString(),
                "ETL_SPARK_CLASSPATH",
                SparkRuntime.sparkClasspath()),
            runArgs(dir.resolve("spark"), "--engine", "spark", "--master", "local[2]"));
    assertThat(spark.status()).as(spark.err()).isZero();
    assertThat(spark.out()).contains("invariant holds");
    assertThat(RunReportCounts.read(dir.resolve("spark/run_report.json")))
        .isEqualTo(RunReportCounts.read(dir.resolve("embedded/run_report.json")));
    assertThat(dir.resolve("spark/clean_events.parquet")).isDirectory();
  }

  @Test
  void withoutSparkOnTheClasspathItIsExitTwoSayingSo(@TempDir Path dir) throws Exception {
    Run r =
        etl(
            dir,
            Map.of("ETL_SPARK_JAR", SparkRuntime.engineJar(PROJECT).toString()),
            runArgs(dir.resolve("out"), "--engine", "spark"));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("error: --engine spark: Spark is not on the classpath");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void withoutTheEngineJarItIsExitTwoSayingSo(@TempDir Path dir) throws Exception {
    Run r = etl(dir, Map.of(), runArgs(dir.resolve("out"), "--engine=spark"));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--engine spark needs the Spark engine jar");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
