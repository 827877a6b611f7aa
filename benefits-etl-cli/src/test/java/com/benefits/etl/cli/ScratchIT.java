package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 7, with real processes: during a run, {@code --scratch DIR} holds the spill files
 * (the deduplication keys and a copy of standard input) and the output directory none; what a
 * killed run left in DIR is removed by the next run that uses DIR.
 */
class ScratchIT {
  @Test
  void theSpillFilesAreInTheScratchDirectoryAndAKilledRunsAreSweptByTheNext(@TempDir Path dir)
      throws Exception {
    Path events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    Path users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    Path out = dir.resolve("out");
    Path scratch = Files.createDirectories(dir.resolve("scratch"));
    Files.writeString(scratch.resolve("notes.txt"), "mine");

    EtlProcess paused =
        EtlProcess.start(
            dir,
            "paused",
            List.of("-Dbenefits.etl.test.pause=before-publish"),
            EtlProcess.run(Path.of("-"), users, out, "--scratch", scratch.toString()),
            ProcessBuilder.Redirect.from(events.toFile()));
    paused.awaitStderr("paused at before-publish", Duration.ofSeconds(60));

    List<String> spill = TestFiles.names(scratch);
    assertThat(spill).hasSize(2).contains("notes.txt");
    String ours = spill.get(0).equals("notes.txt") ? spill.get(1) : spill.get(0);
    assertThat(ours).startsWith("benefits-etl-scratch-");
    assertThat(TestFiles.names(scratch.resolve(ours)))
        .contains("events", "dedup-keys")
        .allMatch(
            n ->
                n.equals(".lock")
                    || n.equals("events")
                    || n.startsWith("dedup-keys")
                    || n.startsWith("daily"));
    assertThat(TestFiles.snapshot(out).keySet())
        .as("nothing spilled into the output directory")
        .allMatch(
            n ->
                n.startsWith(".benefits-etl/runs/")
                    || n.equals(".benefits-etl/lock")
                    || n.equals(".benefits-etl/current")
                    || !n.startsWith("."));
    paused.kill9();
    assertThat(scratch.resolve(ours)).as("left by the killed run").exists();

    EtlProcess.start(
            dir,
            "next",
            List.of(),
            EtlProcess.run(events, users, out, "--scratch", scratch.toString()))
        .succeeds();

    assertThat(TestFiles.names(scratch)).containsExactly("notes.txt");
    assertThat(Outputs.temporaries(out)).isEmpty();
    Outputs.assertFromOneRun(out);
  }
}
