package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.Output;
import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 2: the publish is all-or-nothing as a set, a kill -9 at any instant included
 * (docs/spec.md 3.5). The distribution is stopped at its test-only pause points, just before and
 * just after the one rename that publishes, and killed there; the directory then shows one whole
 * set, and the next run finishes or rolls back what the killed one left.
 */
class PublishCrashIT {
  private static final Duration PAUSE = Duration.ofSeconds(60);

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

  private EtlProcess start(String name, String pausePoint, String country) throws Exception {
    return EtlProcess.start(
        dir,
        name,
        pausePoint == null ? List.of() : List.of("-Dbenefits.etl.test.pause=" + pausePoint),
        EtlProcess.run(events, users, out, "--country", country));
  }

  /** Runs for {@code country} up to {@code point}, checks a reader sees {@code shown}, kills it. */
  private void killAt(String point, String country, Map<String, String> shown) throws Exception {
    EtlProcess paused = start("paused", point, country);
    paused.awaitStderr("paused at " + point, PAUSE);
    assertThat(Trees.published(out)).as("while paused at " + point).isEqualTo(shown);
    paused.kill9();
  }

  @Test
  void killedJustBeforeThePublishingRenameTheDirectoryShowsTheWholeFirstSet() throws Exception {
    start("first", null, "US").succeeds();
    Map<String, String> first = Trees.published(out);
    assertThat(first).hasSize(Output.values().length);

    killAt("before-publish", "CA", first);

    assertThat(Trees.published(out)).isEqualTo(first);
    assertThat(Outputs.assertFromOneRun(out)).isEqualTo("US");
    assertThat(Outputs.temporaries(out)).as("what the killed run left").isNotEmpty();

    start("next", null, "CA").succeeds();

    assertThat(Outputs.temporaries(out)).isEmpty();
    assertThat(Outputs.assertFromOneRun(out)).isEqualTo("CA");
    assertThat(TestFiles.names(out.resolve(".benefits-etl/runs"))).hasSize(1);
  }

  @Test
  void killedJustAfterThePublishingRenameTheDirectoryShowsTheWholeSecondSet() throws Exception {
    start("first", null, "US").succeeds();
    Map<String, String> first = Trees.published(out);
    Path state = out.resolve(".benefits-etl");
    String firstRun = Files.readSymbolicLink(state.resolve("current")).toString();

    EtlProcess paused = start("paused", "after-publish", "CA");
    paused.awaitStderr("paused at after-publish", PAUSE);
    paused.kill9();

    Path live = state.resolve(Files.readSymbolicLink(state.resolve("current")));
    assertThat(live.getFileName().toString())
        .isNotEqualTo(Path.of(firstRun).getFileName().toString());
    Map<String, String> second = Trees.published(out);
    assertThat(second).hasSize(Output.values().length).isNotEqualTo(first);
    second.forEach((name, file) -> assertThat(Trees.of(live).get(name)).as(name).isEqualTo(file));
    assertThat(Outputs.assertFromOneRun(out)).isEqualTo("CA");

    start("next", null, "US").succeeds();

    assertThat(Outputs.temporaries(out)).isEmpty();
    assertThat(Outputs.assertFromOneRun(out)).isEqualTo("US");
    assertThat(TestFiles.names(state.resolve("runs"))).hasSize(1);
  }

  @Test
  void killedBeforeTheFirstPublishTheDirectoryShowsNoOutputAndTheNextRunPublishes()
      throws Exception {
    killAt("before-publish", "US", Map.of());

    assertThat(Outputs.published(out)).isEmpty();

    start("next", null, "US").succeeds();

    assertThat(Outputs.temporaries(out)).isEmpty();
    assertThat(Outputs.assertFromOneRun(out)).isEqualTo("US");
  }
}
