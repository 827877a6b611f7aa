package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 14, point 3: SIGINT and SIGTERM part-way through a run of the distribution (docs/spec.md,
 * section 4): the run stops within about a second, exits 130 or 143, prints one line, removes its
 * temporary files, its lock and the output directory if it created it, and leaves earlier outputs
 * byte for byte.
 */
class InterruptsIT {
  /**
   * The issue asks for about a second. A run that encoded the row groups it had buffered before
   * deleting them took one to two and a half seconds here; one that drops them, under 0.5 s.
   */
  private static final Duration PROMPTLY = Duration.ofMillis(1500);

  private static final String INTERRUPTED = "interrupted: no outputs were changed";

  @TempDir static Path shared;
  static GeneratedData big;

  @BeforeAll
  static void generate() throws IOException {
    // 1M events (160 MB): several seconds of processing, so the signal comes part-way, with
    // tens of megabytes of rows buffered for the Parquet files.
    big =
        new MockDataGenerator(
                GeneratorOptions.builder(shared.resolve("big"))
                    .events(1_000_000)
                    .users(5_000)
                    .seed(14)
                    .format(EventsFormat.NDJSON)
                    .build())
            .generate();
  }

  @ParameterizedTest(name = "SIG{0} into {2} output directory: exit {1}")
  @CsvSource({
    "INT, 130, a new",
    "TERM, 143, a new",
    "INT, 130, an existing",
    "TERM, 143, an existing"
  })
  void aSignalMidRunStopsItPromptlyAndLeavesNothingBehind(
      String signal, int status, String which, @TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    boolean existing = which.equals("an existing");
    Map<String, String> before = Map.of();
    if (existing) {
      Path events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
      Path users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
      EtlProcess.start(dir, "first", List.of(), EtlProcess.run(events, users, out)).succeeds();
      before = Trees.of(out);
    }
    EtlProcess run =
        EtlProcess.start(dir, "run", List.of(), EtlProcess.run(big.events(), big.users(), out));
    awaitProcessing(run, out);
    assumeFalse(
        signal.equals("INT") && run.ignoresSigint(),
        "SIGINT was ignored when these tests started (a background job of a shell without job"
            + " control), and a JVM keeps it ignored");

    long start = System.nanoTime();
    run.signal(signal);
    int exit = run.waitFor(Duration.ofSeconds(30));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(exit).as(run.stderr()).isEqualTo(status);
    assertThat(took).as("from the signal to the exit").isLessThan(PROMPTLY);
    assertThat(run.stderr().strip().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo(INTERRUPTED);
    assertThat(run.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.stdout()).isEmpty();
    if (existing) {
      assertThat(Trees.of(out)).as("temporaries, lock, outputs").isEqualTo(before);
    } else {
      assertThat(out).as("the output directory this run created").doesNotExist();
    }
  }

  @Test
  void aSignalWhileWaitingForStandardInputStopsTheRunPromptly(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    // Standard input is a pipe the test holds open and never writes to: a producer that stalls.
    EtlProcess run =
        EtlProcess.start(
            dir,
            "run",
            List.of(),
            EtlProcess.run(Path.of("-"), big.users(), out),
            ProcessBuilder.Redirect.PIPE);
    try {
      awaitScratchCopy(run, out);
      Thread.sleep(300);

      long start = System.nanoTime();
      run.signal("TERM");
      int exit = run.waitFor(Duration.ofSeconds(30));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(exit).as(run.stderr()).isEqualTo(143);
      assertThat(took).as("from the signal to the exit").isLessThan(PROMPTLY);
      assertThat(run.stderr().strip().lines().reduce((a, b) -> b).orElseThrow())
          .isEqualTo(INTERRUPTED);
      assertThat(out).as("the output directory this run created").doesNotExist();
    } finally {
      run.process().getOutputStream().close();
    }
  }

  /** Waits until the run is writing its outputs, then a little longer: it is mid-stream. */
  private static void awaitProcessing(EtlProcess run, Path out) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Outputs.temporaries(out).stream().noneMatch(t -> t.startsWith(".benefits-etl/runs/"))) {
      assertThat(run.process().isAlive()).as(run.stderr()).isTrue();
      assertThat(System.nanoTime()).as("the run started writing").isLessThan(deadline);
      Thread.sleep(10);
    }
    Thread.sleep(1500);
    assertThat(run.process().isAlive()).as("still running: the input is big enough").isTrue();
  }

  /** Waits until the run is copying standard input into its scratch space. */
  private static void awaitScratchCopy(EtlProcess run, Path out) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (Outputs.temporaries(out).stream()
        .noneMatch(t -> t.matches("\\.benefits-etl/benefits-etl-scratch-[^/]+/events"))) {
      assertThat(run.process().isAlive()).as(run.stderr()).isTrue();
      assertThat(System.nanoTime()).as("the run started copying").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
