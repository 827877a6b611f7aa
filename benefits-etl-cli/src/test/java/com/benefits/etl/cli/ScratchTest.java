package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 7: {@code --scratch DIR} holds a run's spill files; once the run ends DIR holds
 * nothing it made, and DIR itself is gone if the run created it.
 */
class ScratchTest {
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

  private int run(Path scratch, Path eventsFile) {
    CliResult r = CliResult.run(eventsFile, users, out, "--scratch", scratch.toString());
    assertThat(r.err()).doesNotContain("error");
    return r.status();
  }

  @Test
  void anExistingScratchDirectoryIsLeftAsItWas() throws IOException {
    Path scratch = Files.createDirectories(dir.resolve("scratch"));
    Files.writeString(scratch.resolve("notes.txt"), "mine");

    assertThat(run(scratch, events)).isZero();

    assertThat(TestFiles.names(scratch)).containsExactly("notes.txt");
    assertThat(Outputs.temporaries(out)).isEmpty();
    Outputs.assertFromOneRun(out);
  }

  @Test
  void aScratchDirectoryTheRunCreatedIsRemoved() {
    Path scratch = dir.resolve("new/scratch");

    assertThat(run(scratch, events)).isZero();

    assertThat(dir.resolve("new")).doesNotExist();
    Outputs.assertFromOneRun(out);
  }

  @Test
  void aScratchDirectoryTheRunCreatedIsRemovedWhenTheRunFails() throws IOException {
    Path scratch = dir.resolve("new/scratch");

    assertThat(run(scratch, users)).isEqualTo(3);

    assertThat(dir.resolve("new")).doesNotExist();
  }
}
