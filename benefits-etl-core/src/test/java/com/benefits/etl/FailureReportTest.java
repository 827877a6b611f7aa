package com.benefits.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/spec.md 3.4: a run that an error stops keeps its run report in {@code
 * .benefits-etl/failed/RUN/} of an output directory that existed before it, never over the
 * published set; in a directory it created, and when interrupted, it leaves nothing.
 */
class FailureReportTest {
  private static final String USERS = "user_id,signup_date,country\nu1,2024-01-01,US\n";
  private static final String EVENT =
      "{\"user_id\":\"u1\",\"event_type\":\"click\",\"timestamp\":\"2024-03-15T14:22:05Z\"}";

  @TempDir Path dir;

  @Test
  void badInputInAnExistingOutputDirectoryKeepsItsReportBesideThePublishedSet() throws IOException {
    Path users = write("users.csv", USERS);
    Path out = dir.resolve("out");
    EtlPipeline.of(write("good.json", "[" + EVENT + "]"), users, out).run();
    Map<String, String> published = publishedFiles(out);

    Path truncated = write("truncated.json", "[" + EVENT + ",");
    assertThatThrownBy(() -> EtlPipeline.of(truncated, users, out).run())
        .isInstanceOf(BadInputException.class);

    assertThat(publishedFiles(out)).isEqualTo(published);
    Path failed = out.resolve(".benefits-etl/failed");
    List<String> runs = TestFiles.names(failed);
    assertThat(runs).hasSize(1);
    assertThat(TestFiles.names(failed.resolve(runs.get(0)))).containsExactly("run_report.json");
    String report = Files.readString(failed.resolve(runs.get(0)).resolve("run_report.json"));
    assertThat(report)
        .contains("\"status\" : \"bad_input\"")
        .contains("\"exit_status\" : 2")
        .contains("\"error\" : \"" + truncated)
        .contains("\"events\" : \"" + truncated + "\"")
        .contains("\"commit\" : ");
  }

  @Test
  void badInputInADirectoryTheRunCreatedLeavesNothing() throws IOException {
    Path out = dir.resolve("new/out");
    Path truncated = write("truncated.json", "[" + EVENT + ",");

    assertThatThrownBy(() -> EtlPipeline.of(truncated, write("users.csv", USERS), out).run())
        .isInstanceOf(BadInputException.class);

    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void anInterruptedRunKeepsNoReport() throws IOException {
    Path users = write("users.csv", USERS);
    Path events = write("good.json", "[" + EVENT + "]");
    Path out = dir.resolve("out");
    EtlPipeline.of(events, users, out).run();
    Map<String, String> before = hex(TestFiles.snapshot(out));

    EtlPipeline stopped = EtlPipeline.of(events, users, out);
    stopped.cancel();
    assertThatThrownBy(stopped::run).isInstanceOf(RunInterruptedException.class);

    assertThat(hex(TestFiles.snapshot(out))).isEqualTo(before);
  }

  @Test
  void onlyTheNewestFailedRunsAreKept() throws IOException {
    Path users = write("users.csv", USERS);
    Path out = dir.resolve("out");
    EtlPipeline.of(write("good.json", "[" + EVENT + "]"), users, out).run();
    Path truncated = write("truncated.json", "[" + EVENT + ",");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> EtlPipeline.of(truncated, users, out).run())
          .isInstanceOf(BadInputException.class);
    }
    assertThat(TestFiles.names(out.resolve(".benefits-etl/failed"))).hasSize(3);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** The published outputs, read through their links, as hex. */
  private static Map<String, String> publishedFiles(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (Output o : Output.values()) {
      files.put(
          o.fileName(), HexFormat.of().formatHex(Files.readAllBytes(out.resolve(o.fileName()))));
    }
    return files;
  }

  /** A snapshot with its bytes as hex, so that equal trees give equal maps. */
  private static Map<String, String> hex(Map<String, byte[]> snapshot) {
    Map<String, String> files = new TreeMap<>();
    snapshot.forEach((name, bytes) -> files.put(name, HexFormat.of().formatHex(bytes)));
    return files;
  }
}
