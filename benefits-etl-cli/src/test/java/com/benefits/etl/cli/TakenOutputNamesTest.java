package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.benefits.etl.Output;
import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 2: a rename refused midway can no longer publish a mix. An output's name taken by
 * a directory, or by an earlier version's file that cannot be replaced, stops the run before it
 * reads anything (exit 2, one line), and the directory is left exactly as it was.
 */
class TakenOutputNamesTest {
  @TempDir Path dir;
  Path events;
  Path users;
  Path out;

  @BeforeEach
  void inputs() {
    events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    out = dir.resolve("out");
  }

  private CliResult run() {
    return CliResult.run(events, users, out);
  }

  private void assertRefusedAndUnchanged(Map<String, String> before, String name, String why) {
    CliResult r = run();
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: " + out.resolve(name) + ": " + why);
    assertThat(r.out()).isEmpty();
    assertThat(Trees.of(out)).isEqualTo(before);
  }

  private static final String A_DIRECTORY =
      "a directory has the name of an output, so the outputs cannot be published as a set; move it"
          + " away";

  @Test
  void aDirectoryAtAnOutputsNameInAFreshDirectory() throws IOException {
    Files.createDirectories(out.resolve("daily_summary.parquet/x"));
    Map<String, String> before = Trees.of(out);

    assertRefusedAndUnchanged(before, "daily_summary.parquet", A_DIRECTORY);
    assertThat(TestFiles.names(out)).containsExactly("daily_summary.parquet");
  }

  @Test
  void aDirectoryAtAnOutputsNameBesideAPublishedSet() throws IOException {
    assertThat(run().status()).isZero();
    Files.delete(out.resolve("daily_summary.parquet"));
    Files.createDirectories(out.resolve("daily_summary.parquet/x"));
    Map<String, String> before = Trees.of(out);

    assertRefusedAndUnchanged(before, "daily_summary.parquet", A_DIRECTORY);
  }

  @Test
  void anEarlierVersionsOutputsAsPlainFilesAreReplacedByTheNewSet() throws IOException {
    writeOldLayout();

    CliResult r = run();

    assertThat(r.status()).as(r.err()).isZero();
    for (String name : Outputs.published(out).keySet()) {
      assertThat(Files.isSymbolicLink(out.resolve(name))).as(name).isTrue();
    }
    assertThat(Outputs.published(out)).hasSize(Output.values().length);
    Outputs.assertFromOneRun(out);
    assertThat(Outputs.temporaries(out)).isEmpty();
  }

  @Test
  void anImmutableEarlierOutputStopsTheRunBeforeAnythingChanges() throws Exception {
    writeOldLayout();
    Path report = out.resolve("run_report.json");
    assumeTrue(
        command("chattr", "+i", report.toString()),
        "chattr +i needs root (CAP_LINUX_IMMUTABLE) and a file system with attributes");
    try {
      Map<String, String> before = Trees.of(out);

      assertRefusedAndUnchanged(
          before,
          "run_report.json",
          "this earlier output cannot be replaced (it is read-only or immutable), so the outputs"
              + " cannot be published as a set; make it writable or remove it");
      assertThat(out.resolve(Outputs.STATE)).doesNotExist();
    } finally {
      command("chattr", "-i", report.toString());
    }
  }

  /** The outputs as versions before the symbolic-link layout left them: plain files. */
  private void writeOldLayout() throws IOException {
    Path elsewhere = dir.resolve("elsewhere");
    Path keep = out;
    out = elsewhere;
    assertThat(run().status()).isZero();
    out = keep;
    Files.createDirectories(out);
    for (String name : Outputs.published(elsewhere).keySet()) {
      Files.copy(elsewhere.resolve(name), out.resolve(name));
    }
    assertThat(TestFiles.names(out)).hasSize(Output.values().length);
  }

  private static boolean command(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
