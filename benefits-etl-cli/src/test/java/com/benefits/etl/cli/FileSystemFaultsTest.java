package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import com.benefits.etl.internal.write.OutputDirectory;
import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file system misbehaving around a run: a full disk, the output directory locked by another
 * run, an input changed while it is read, unreadable inputs, symlinks, and names with spaces and
 * non-ASCII characters. Fatal cases exit 2 with one message and leave earlier outputs as they were.
 */
class FileSystemFaultsTest {
  @TempDir Path dir;
  Path events;
  Path users;

  @BeforeEach
  void inputs() {
    events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
  }

  static void assertOneLineError(CliResult r, String... fragments) {
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains(fragments).doesNotContain("\tat ");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  static GeneratedData generate(Path into, long count, EventsFormat format) throws IOException {
    return new MockDataGenerator(
            GeneratorOptions.builder(into)
                .events(count)
                .users(2_000)
                .seed(5)
                .format(format)
                .build())
        .generate();
  }

  static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void aFullDiskIsAClearErrorAndPublishesNothing() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("small disk"));
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()),
        "mounting a 1 MiB tmpfs needs root and CAP_SYS_ADMIN");
    try {
      Path out = disk.resolve("out");
      assertThat(CliResult.run(events, users, out).status()).isZero();
      Map<String, byte[]> before = Outputs.published(out);
      GeneratedData data = generate(dir.resolve("big"), 200_000, EventsFormat.NDJSON);

      CliResult r = CliResult.run(data.events(), data.users(), out);

      assertOneLineError(r, out.toString(), "No space left on device");
      Map<String, byte[]> after = Outputs.published(out);
      assertThat(after).containsOnlyKeys(before.keySet());
      before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
      assertThat(Outputs.temporaries(out)).isEmpty();
    } finally {
      run("umount", "-l", disk.toString());
    }
  }

  @Test
  void anOutputDirectoryLockedByAnotherRunInThisProcessIsAClearError() {
    Path out = dir.resolve("out");
    try (OutputDirectory other = OutputDirectory.open(out)) {
      assertThat(other.directory()).isEqualTo(out);
      assertOneLineError(
          CliResult.run(events, users, out),
          out.toString(),
          "another benefits-etl run is" + " writing to this output directory");
    }
    assertThat(CliResult.run(events, users, out).status()).isZero();
  }

  @Test
  void anInputTruncatedWhileReadNeverPublishesAMix() throws Exception {
    GeneratedData data = generate(dir.resolve("big"), 100_000, EventsFormat.ARRAY);
    Path out = dir.resolve("out");
    assertThat(CliResult.run(events, users, out).status()).isZero();
    Map<String, byte[]> before = Outputs.published(out);
    CompletableFuture<CliResult> running =
        CompletableFuture.supplyAsync(() -> CliResult.run(data.events(), data.users(), out));
    while (Outputs.temporaries(out).isEmpty() && !running.isDone()) {
      Thread.sleep(10);
    }
    try (FileChannel ch = FileChannel.open(data.events(), StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
    CliResult r = running.get(60, TimeUnit.SECONDS);
    if (r.status() == 0) {
      Outputs.assertFromOneRun(out);
    } else {
      assertOneLineError(r, data.events().toString(), "line ");
      Map<String, byte[]> after = Outputs.published(out);
      before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }
    assertThat(Outputs.temporaries(out)).isEmpty();
  }

  @Test
  void anInputAppendedToWhileReadStillEndsInOneRunsOutputs() throws Exception {
    GeneratedData data = generate(dir.resolve("big"), 100_000, EventsFormat.NDJSON);
    Path out = dir.resolve("out");
    CompletableFuture<CliResult> running =
        CompletableFuture.supplyAsync(() -> CliResult.run(data.events(), data.users(), out));
    while (!running.isDone() && (!Files.isDirectory(out) || Outputs.temporaries(out).isEmpty())) {
      Thread.sleep(10);
    }
    Files.writeString(
        data.events(),
        "{\"user_id\":\"x\",\"timestamp\":\"2024-03-15T14:22:05Z\"}\nnot json\n",
        StandardOpenOption.APPEND);
    CliResult r = running.get(60, TimeUnit.SECONDS);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("invariant holds");
    Outputs.assertFromOneRun(out);
  }

  @Test
  void anUnreadableInputIsAClearError() throws IOException {
    Path locked = Files.copy(events, dir.resolve("locked.json"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    assumeTrue(!Files.isReadable(locked), "running as root: permissions do not stop reads");
    assertOneLineError(
        CliResult.run(locked, users, dir.resolve("out")), "locked.json", "not readable");
  }

  @Test
  void symlinkedOutputDirectoryAndInputsWork() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real-out"));
    Path link = Files.createSymbolicLink(dir.resolve("out-link"), real);
    Path eventsLink = Files.createSymbolicLink(dir.resolve("events-link.json"), events);
    Path usersLink = Files.createSymbolicLink(dir.resolve("users-link.csv"), users);

    CliResult r = CliResult.run(eventsLink, usersLink, link);

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(TestFiles.names(real)).contains("clean_events.parquet", "run_report.json");
    Outputs.assertFromOneRun(real);
  }

  @Test
  void aDanglingSymlinkAsOutputIsAClearError() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere/at/all"));
    CliResult r = CliResult.run(events, users, link);
    assertThat(r.status()).as(r.err()).isIn(0, 2);
    if (r.status() == 2) {
      assertOneLineError(r, "dangling");
    }
  }

  @Test
  void namesWithSpacesAndNonAsciiCharactersWork() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("données d'été 中文"));
    Path e = Files.copy(events, sub.resolve("raw events é.json"));
    Path u = Files.copy(users, sub.resolve("users ü.csv"));
    Path out = sub.resolve("out put ñ");

    CliResult r = CliResult.run(e, u, out);

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("raw events é.json").contains("out put ñ");
    Outputs.assertFromOneRun(out);
    String report = Files.readString(out.resolve("run_report.json"), StandardCharsets.UTF_8);
    assertThat(report).contains("raw events é.json").contains("users ü.csv");
  }

  @Test
  void anNdjsonLineBeyondSixteenMebibytesIsARejectedRecordAtTheDefaultLimits() throws IOException {
    Path e = dir.resolve("huge.ndjson");
    String ok = "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\"}\n";
    try (var w = Files.newBufferedWriter(e, StandardCharsets.UTF_8)) {
      w.write(ok);
      w.write("{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\",\"pad\":\"");
      w.write("x".repeat(17 << 20));
      w.write("\"}\n");
      w.write(ok.replace("u1", "u2"));
    }
    Path out = dir.resolve("out");
    CliResult r = CliResult.run(e, users, out);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("Read 3 records").contains("invariant holds");
    Map<String, Object> row =
        com.benefits.etl.testing.DuckDb.queryOne(
            "SELECT reason, detail,"
                + " length(raw_record) AS n FROM read_parquet("
                + com.benefits.etl.testing.DuckDb.literal(out.resolve("rejected_events.parquet"))
                + ")");
    assertThat(row.get("reason")).isEqualTo("malformed_record");
    assertThat((String) row.get("detail")).contains("more than the limit of 16777216 bytes");
    assertThat(((Number) row.get("n")).longValue()).isLessThan(66_000L);
  }
}
