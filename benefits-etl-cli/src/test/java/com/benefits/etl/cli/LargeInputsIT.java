package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by bytes, not rows (issue 14): inputs generated here, run by the distribution's
 * launcher with its default heap as a separate process. Each ends in a result or exit 2 with a
 * message, never an OutOfMemoryError.
 */
class LargeInputsIT {
  private static final int USERS = 10_000_000;
  private static final int KNOWN = 1_000;

  @TempDir static Path shared;
  static Path users;
  static Path events;

  /** Ten million users with 16-character ids, and events of 1,000 of them. */
  @BeforeAll
  static void generate() throws IOException {
    users = shared.resolve("users.csv");
    SplittableRandom random = new SplittableRandom(7);
    char[] id = new char[16];
    List<String> known = new ArrayList<>();
    try (BufferedWriter w = Files.newBufferedWriter(users, StandardCharsets.UTF_8)) {
      w.write("user_id,signup_date,country\n");
      for (int i = 0; i < USERS; i++) {
        for (int k = 0; k < id.length; k++) {
          id[k] = "abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36));
        }
        w.write(id);
        w.write(",2023-01-01,US\n");
        if (i % (USERS / KNOWN) == 0) {
          known.add(new String(id));
        }
      }
    }
    events = shared.resolve("events.ndjson");
    try (BufferedWriter w = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
      for (int i = 0; i < known.size(); i++) {
        w.write(
            "{\"user_id\":\""
                + known.get(i)
                + "\",\"event_type\":\"click\",\"timestamp\":\"2024-03-15T14:22:05Z\",\"value\":"
                + i
                + "}\n");
      }
    }
  }

  record Result(int status, String out, String err) {}

  static Result launch(Path dir, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Distribution.launcher().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().remove("ETL_JAVA_OPTS");
    builder.environment().putAll(environment);
    Process p = builder.start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void tenMillionUsersOfSixteenCharactersLoadInTheDefaultHeap(@TempDir Path dir) throws Exception {
    Result r =
        launch(
            dir,
            Map.of(),
            "run",
            "--events",
            events.toString(),
            "--users",
            users.toString(),
            "--output",
            dir.resolve("out").toString());

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("clean events               1,000").contains("10,000,000");
    assertThat(r.err).doesNotContain("OutOfMemoryError");
  }

  @Test
  void aUsersFileTooLargeForTheHeapIsExitTwoWithAMessage(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Result r =
        launch(
            dir,
            Map.of("ETL_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC"),
            "run",
            "--events",
            events.toString(),
            "--users",
            users.toString(),
            "--output",
            out.toString());

    assertThat(r.status).as(r.err).isEqualTo(2);
    String last = r.err.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last)
        .startsWith("error: " + users)
        .contains(", line ")
        .contains("users take")
        .contains("-Xmx");
    assertThat(r.err).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  /**
   * 6,000 records each carrying a 66 KiB string (406 MB of NDJSON) once filled the writer's
   * hand-off queue, which held batches of 4,096 rows whatever their size.
   */
  @Test
  void recordsWithLargeStringsStayWithinTheDefaultHeap(@TempDir Path dir) throws Exception {
    Result r = runOnRecordsWithLargeStrings(dir, 6_000, 66 << 10, Map.of());

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("clean events               6,000");
    assertThat(r.err).doesNotContain("OutOfMemoryError");
  }

  /**
   * Records near the 16 MiB limit, each with a 12 MiB string, in a 256 MB heap: the Parquet writer
   * once kept every page's minimum and maximum whole until the end of its row group (a page per
   * record here), and the reading thread holds up to 64 records between steps 3 and 4.
   */
  @Test
  void recordsOfTwelveMegabytesStayWithinASmallHeap(@TempDir Path dir) throws Exception {
    Result r =
        runOnRecordsWithLargeStrings(
            dir, 24, 12 << 20, Map.of("ETL_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC"));

    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("clean events                  24");
    assertThat(r.err).doesNotContain("OutOfMemoryError");
  }

  /** Runs NDJSON records of one known user, each with a distinct {@code event_type} that long. */
  private static Result runOnRecordsWithLargeStrings(
      Path dir, int records, int length, Map<String, String> environment) throws Exception {
    Path big = dir.resolve("big.ndjson");
    Path someUsers = dir.resolve("users.csv");
    Files.writeString(someUsers, "user_id,signup_date,country\nu1,2023-01-01,US\n");
    String large = "x".repeat(length);
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; i < records; i++) {
        w.write(
            "{\"user_id\":\"u1\",\"event_type\":\""
                + large
                + i
                + "\",\"timestamp\":\"2024-03-15T14:22:05Z\",\"value\":1}\n");
      }
    }
    return launch(
        dir,
        environment,
        "run",
        "--events",
        big.toString(),
        "--users",
        someUsers.toString(),
        "--output",
        dir.resolve("out").toString());
  }
}
