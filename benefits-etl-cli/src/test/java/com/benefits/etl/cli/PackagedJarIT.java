package com.benefits.etl.cli;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the distribution's jar as a separate process, as users do: it must work with nothing but
 * lib/ on the classpath (in particular without Hadoop, which is only a compile-time dependency).
 */
class PackagedJarIT {
  record Result(int status, String out, String err) {}

  static Result java(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Pacific/Chatham",
                "-jar",
                Distribution.jar().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("etl-out", ".txt");
    Path err = Files.createTempFile("etl-err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void libHoldsNoHadoopClasses() throws IOException {
    try (Stream<Path> jars = Files.list(Distribution.home().resolve("lib"))) {
      for (Path f : (Iterable<Path>) jars.filter(f -> f.toString().endsWith(".jar"))::iterator) {
        try (JarFile jar = new JarFile(f.toFile())) {
          assertThat(
                  jar.stream()
                      .map(e -> e.getName())
                      .filter(n -> n.startsWith("org/apache/hadoop/")))
              .as(f.toString())
              .isEmpty();
        }
      }
    }
  }

  @Test
  void runsWithTheOriginalDefaultsInTheWorkingDirectory(@TempDir Path dir) throws Exception {
    TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));

    Result r = java(dir, "run");

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out)
        .contains("Read 17 records")
        .contains("clean events")
        .contains("duplicate")
        .contains("invariant holds");
    // The users file has a repeated id and a date that is not one: a warning each, nothing else.
    assertThat(r.err.lines().map(l -> l.replaceFirst("^[0-9:.]+ ", "")))
        .containsExactly(
            "WARN  UsersCsvReader - users.csv: 1 row repeats an earlier row's user_id"
                + " and was skipped: the first row of an id wins (line 8: \"u1\")",
            "WARN  UsersCsvReader - users.csv: 1 row has a signup_date that is not a YYYY-MM-DD"
                + " calendar date; it is null for that user (line 4: \"not-a-date\")");
    assertThat(TestFiles.names(dir.resolve("output")))
        .contains(
            "clean_events.parquet",
            "daily_summary.parquet",
            "rejected_events.parquet",
            "run_report.json");
    assertThat(
            queryOne(
                "SELECT count(*) AS n FROM read_parquet("
                    + literal(dir.resolve("output/clean_events.parquet"))
                    + ")"))
        .containsEntry("n", 5L);
  }

  @Test
  void badInputExitsTwoWithOneLineAndNoStackTrace(@TempDir Path dir) throws Exception {
    Result r = java(dir, "run", "--events", "missing.json");

    assertThat(r.status).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("error: missing.json: events file not found");
  }

  @Test
  void helpDescribesEveryOption(@TempDir Path dir) throws Exception {
    Result top = java(dir, "--help");
    assertThat(top.status).isZero();
    assertThat(top.out)
        .contains("run")
        .contains("inspect")
        .contains("generate")
        .contains("--log-format")
        .contains("--verbose")
        .contains("--debug");

    Result run = java(dir, "run", "--help");
    assertThat(run.status).isZero();
    // picocli formats descriptions: a bare % in one printed a warning per option (issue 14).
    assertThat(run.err).isEmpty();
    assertThat(run.out.replaceAll("\\s+", " "))
        .contains("0.2 or 20% (default: no limit)")
        .contains("such as unknown_user=5%; repeatable (default: malformed_record=50%; 100% lifts");
    assertThat(run.out)
        .contains("--events")
        .contains("--users")
        .contains("--output")
        .contains("--country")
        .contains("raw_events.json")
        .contains("users.csv");
  }
}
