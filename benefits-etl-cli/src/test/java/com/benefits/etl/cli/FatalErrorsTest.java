package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.Outputs;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fatal input error (docs/spec.md, section 4) through the command line: exit status 2, one
 * message naming the file (and line and column where they apply), no stack trace, and the outputs
 * of an earlier good run left byte-identical with no temporary files behind.
 */
class FatalErrorsTest {
  @TempDir Path dir;
  Path events;
  Path users;
  Path output;
  Map<String, byte[]> before;

  @BeforeEach
  void goodRunFirst() {
    events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    output = dir.resolve("out");
    CliResult ok = run(events, users);
    assertThat(ok.status()).as(ok.err()).isZero();
    before = TestFiles.snapshot(output);
    // The lock file and every temporary file are gone once a run ends (docs/spec.md 3.5).
    assertThat(TestFiles.names(output))
        .containsExactly(
            Outputs.STATE,
            "clean_events.parquet",
            "daily_summary.parquet",
            "rejected_events.parquet",
            "report.html",
            "run_report.json");
    assertThat(Outputs.temporaries(output)).isEmpty();
  }

  private CliResult run(Path eventsFile, Path usersFile, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--events",
                eventsFile.toString(),
                "--users",
                usersFile.toString(),
                "--output",
                output.toString()));
    args.addAll(List.of(extra));
    return CliResult.of(args.toArray(String[]::new));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private void assertFatal(CliResult r, String... fragments) {
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: ")
        .contains(fragments)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    // The earlier run's outputs are untouched; beside them, only this run's report (spec 3.4).
    Map<String, byte[]> after = TestFiles.snapshot(output);
    List<String> reports =
        after.keySet().stream().filter(name -> name.startsWith(".benefits-etl/failed/")).toList();
    assertThat(reports).hasSize(1).allMatch(name -> name.endsWith("/run_report.json"));
    assertThat(new String(after.get(reports.get(0)), StandardCharsets.UTF_8))
        .contains("\"status\" : \"bad_input\"")
        .contains("\"exit_status\" : 2");
    after.keySet().removeAll(reports);
    assertThat(after).as("outputs of the earlier run").containsOnlyKeys(before.keySet());
    before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void missingEventsFile() {
    assertFatal(run(dir.resolve("nope.json"), users), "nope.json", "not found");
  }

  @Test
  void missingUsersFile() {
    assertFatal(run(events, dir.resolve("nope.csv")), "nope.csv", "not found");
  }

  @Test
  void truncatedArray() throws IOException {
    Path bad =
        write(
            "truncated.json",
            "[\n  {\"user_id\": \"u1\", \"timestamp\": \"2024-03-15T14:22:05Z\"},\n  {\"user_id\": \"u1\", \"ti");
    assertFatal(run(bad, users), "truncated.json", "line 3");
  }

  @Test
  void arrayThatIsNeverClosed() throws IOException {
    Path bad =
        write(
            "unclosed.json",
            "[\n  {\"user_id\": \"u1\", \"timestamp\": \"2024-03-15T14:22:05Z\"}\n");
    assertFatal(run(bad, users), "unclosed.json", "line 3", "truncated");
  }

  @Test
  void syntaxErrorMidArray() throws IOException {
    Path bad =
        write(
            "syntax.json",
            "[\n  {\"user_id\": \"u1\", \"timestamp\": \"2024-03-15T14:22:05Z\"},\n"
                + "  {\"user_id\": \"u1\" \"timestamp\": \"x\"}\n]");
    assertFatal(run(bad, users), "syntax.json", "line 3, column 20");
  }

  private Path writeBytes(String name, String before, int[] bad, String after) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    for (int b : bad) {
      out.write(b);
    }
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  @Test
  void arrayWithBytesThatAreNotUtf8() throws IOException {
    // A surrogate written as UTF-8 bytes: Jackson alone would read it as '?'.
    Path bad =
        writeBytes(
            "surrogate.json",
            "[\n  {\"user_id\": \"u1\", \"timestamp\": \"2024-03-15T14:22:05Z\"},\n"
                + "  {\"user_id\": \"u1\", \"event_type\": \"x",
            new int[] {0xED, 0xA0, 0x80},
            "\", \"timestamp\": \"2024-03-15T14:22:05Z\"}\n]");
    assertFatal(
        run(bad, users),
        "surrogate.json",
        "line 3, column 37",
        "the bytes 0xED 0xA0 are not valid UTF-8");
  }

  @Test
  void usersFileWithBytesThatAreNotUtf8() throws IOException {
    Path bad =
        writeBytes(
            "users_latin1.csv",
            "user_id,signup_date,country\nu1,2024-01-01,",
            new int[] {0xC9},
            "TATS-UNIS\n");
    assertFatal(
        run(events, bad),
        "users_latin1.csv",
        "line 2, column 15",
        "the bytes 0xC9 0x54 are not valid UTF-8");
  }

  @Test
  void aFailedRunLeavesNoDirectoryItCreated() throws IOException {
    Path bad = write("truncated.json", "[{\"user_id\": \"u1\"");
    Path fresh = dir.resolve("new/nested/out");
    CliResult r =
        CliResult.of(
            "run",
            "--events",
            bad.toString(),
            "--users",
            users.toString(),
            "--output",
            fresh.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void missingCsvColumn() throws IOException {
    Path bad = write("users_bad.csv", "user_id,signup_date\nu1,2024-01-01\n");
    assertFatal(run(events, bad), "users_bad.csv", "country");
  }

  @Test
  void outputPathIsAFile() throws IOException {
    Path file = write("not_a_dir", "x");
    CliResult r =
        CliResult.of(
            "run",
            "--events",
            events.toString(),
            "--users",
            users.toString(),
            "--output",
            file.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("not_a_dir").contains("not a directory");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void outputDirectoryThatCannotBeCreated() throws IOException {
    // Tests may run as root, where permissions stop nothing; nothing can be created under a file.
    Path file = write("plain_file", "x");
    CliResult r =
        CliResult.of(
            "run",
            "--events",
            events.toString(),
            "--users",
            users.toString(),
            "--output",
            file.resolve("out").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("plain_file").contains("cannot create the output directory");
  }

  @Test
  void debugShowsTheStackTrace() {
    CliResult r = run(dir.resolve("nope.json"), users, "--debug");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void usageErrorsExitTwo() {
    CliResult r = run(events, users, "--no-such-option");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--no-such-option");
    assertThat(run(events, users, "--country", " ").status()).isEqualTo(2);
  }
}
