package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, point 6: {@code --events -} reads the events from standard input (a JSON array or
 * NDJSON, gzip detected) and gives the same counts as the file. Pipes given as paths by the shell
 * ({@code <(...)}) work too. (Messages about standard input: {@link PathsTest}.)
 */
class StandardInputIT {
  @TempDir Path dir;
  Path events;
  Path users;

  @BeforeEach
  void inputs() {
    events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
  }

  /** The same run over the file, in this JVM: the counts to compare with. */
  private String countsFromTheFile(Path file) throws Exception {
    Path out = dir.resolve("from-file");
    assertThat(CliResult.run(file, users, out).status()).isZero();
    return PathsTest.counts(out);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"array", "ndjson", "gzipped ndjson"})
  void standardInputGivesTheSameCountsAsTheFile(String kind) throws Exception {
    Path file =
        switch (kind) {
          case "array" -> events;
          case "ndjson" -> Files.write(dir.resolve("events.ndjson"), PathsTest.ndjson(events));
          default ->
              PathsTest.gzip(Files.write(dir.resolve("events.ndjson"), PathsTest.ndjson(events)));
        };
    Path out = dir.resolve("from-stdin");

    EtlProcess run =
        EtlProcess.start(
            dir,
            "stdin",
            List.of(),
            EtlProcess.run(Path.of("-"), users, out),
            ProcessBuilder.Redirect.from(file.toFile()));
    run.succeeds();

    assertThat(run.stdout()).contains("Read 17 records from -");
    assertThat(PathsTest.counts(out)).isEqualTo(countsFromTheFile(file));
    assertThat(Files.readString(out.resolve("run_report.json")))
        .contains("\"events\" : \"-\"")
        .contains("\"gzip\" : " + kind.startsWith("gzipped"));
    assertThat(Outputs.temporaries(out)).isEmpty();
  }

  @Test
  void pipesFromAShellsProcessSubstitutionAreRead() throws Exception {
    Path out = dir.resolve("out");
    String command =
        String.format(
            "exec '%s' run --events <(cat '%s') --users <(cat '%s') --output '%s'",
            Distribution.launcher(), events, users, out);
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("bash.log").toFile());
    builder.environment().put("ETL_CDS", "off");
    Process p = builder.start();
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(Files.readString(dir.resolve("bash.log"))).isZero();
    assertThat(PathsTest.counts(out)).isEqualTo(countsFromTheFile(events));
    assertThat(Outputs.temporaries(out)).isEmpty();
  }
}
