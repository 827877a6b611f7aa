package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults with real processes of the packaged jar: a run killed with SIGKILL part-way, and two runs
 * into one output directory at once (docs/spec.md 3.5).
 */
class FaultsIT {
  @TempDir static Path shared;
  static GeneratedData big;

  @BeforeAll
  static void generate() throws IOException {
    big =
        new MockDataGenerator(
                GeneratorOptions.builder(shared.resolve("big"))
                    .events(600_000)
                    .users(5_000)
                    .seed(11)
                    .format(EventsFormat.NDJSON)
                    .build())
            .generate();
  }

  static Process start(Path workDir, Path log, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                Distribution.jar().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  static String[] run(Path events, Path users, Path output, String... extra) {
    return CliResult.runArgs(events, users, output, extra).toArray(String[]::new);
  }

  @Test
  void aRunKilledPartWayLeavesEarlierOutputsAndTheNextRunCleansUp(@TempDir Path dir)
      throws Exception {
    Path small = TestFiles.copyResource("e2e/events.json", dir.resolve("events.json"));
    Path smallUsers = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    Path out = dir.resolve("out");
    assertThat(start(dir, dir.resolve("first.log"), run(small, smallUsers, out)).waitFor())
        .isZero();
    Map<String, byte[]> before = Outputs.published(out);

    Process killed = start(dir, dir.resolve("killed.log"), run(big.events(), big.users(), out));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Outputs.temporaries(out).isEmpty() && killed.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(killed.isAlive()).as("still running once a temporary file appeared").isTrue();
    Thread.sleep(300);
    killed.destroyForcibly();
    assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.exitValue()).isEqualTo(137);

    Map<String, byte[]> after = Outputs.published(out);
    assertThat(after).containsOnlyKeys(before.keySet());
    before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    assertThat(Outputs.temporaries(out)).as("left by the killed run").isNotEmpty();

    Process next = start(dir, dir.resolve("next.log"), run(small, smallUsers, out));
    assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(next.exitValue()).as(Files.readString(dir.resolve("next.log"))).isZero();
    assertThat(Outputs.temporaries(out)).isEmpty();
    Outputs.assertFromOneRun(out);
  }

  @Test
  void twoRunsIntoOneDirectoryNeverPublishAMix(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Process us = start(dir, dir.resolve("us.log"), run(big.events(), big.users(), out));
    Process ca =
        start(dir, dir.resolve("ca.log"), run(big.events(), big.users(), out, "--country", "CA"));
    assertThat(us.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(ca.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String usLog = Files.readString(dir.resolve("us.log"), StandardCharsets.UTF_8);
    String caLog = Files.readString(dir.resolve("ca.log"), StandardCharsets.UTF_8);
    List<Integer> statuses = List.of(us.exitValue(), ca.exitValue());
    assertThat(statuses).as(usLog + caLog).containsAnyOf(0).allMatch(s -> s == 0 || s == 2);
    String country = Outputs.assertFromOneRun(out);
    if (statuses.contains(2)) {
      String failed = us.exitValue() == 2 ? usLog : caLog;
      // After the users file's warnings (logged before the output directory is locked).
      assertThat(failed.strip().lines().reduce((a, b) -> b).orElseThrow())
          .startsWith("error: " + out)
          .contains("another benefits-etl run");
      assertThat(failed).doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(country).isEqualTo(us.exitValue() == 0 ? "US" : "CA");
    }
    assertThat(Outputs.temporaries(out)).isEmpty();
  }
}
