package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new GenerateCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void writesTheFilesAndOneSummaryLine() {
    Path dir = tmp.resolve("data");
    int code =
        run(
            "--events",
            "1000",
            "--users",
            "50",
            "--seed",
            "7",
            "--format",
            "NDJSON",
            "--gzip",
            "--output",
            dir.toString());
    assertThat(code).isZero();
    assertThat(dir.resolve("raw_events.ndjson.gz")).isRegularFile();
    assertThat(dir.resolve("users.csv")).isRegularFile();
    assertThat(dir.resolve("manifest.json")).isRegularFile();
    assertThat(out.toString()).startsWith("Wrote 1000 records (").hasLineCount(1);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void defaultsToAnArrayAndAcceptsAnyCase() {
    assertThat(run("--events", "10", "--format", "Array", "--output", tmp.toString())).isZero();
    assertThat(tmp.resolve("raw_events.json")).isRegularFile();
    assertThat(run("--events", "10", "--format", "ndjson", "--output", tmp.toString())).isZero();
    assertThat(tmp.resolve("raw_events.ndjson")).isRegularFile();
  }

  @Test
  void badValuesExitWithTwo() {
    assertThat(run("--format", "xml", "--output", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--format").contains("expected array or ndjson");
    assertThat(run("--events", "-5", "--output", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("events is -5");
    assertThat(run("--events", "lots", "--output", tmp.toString())).isEqualTo(2);
    assertThat(run("--events", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("--output");
    assertThat(tmp.resolve("raw_events.json")).doesNotExist();
    assertThat(Files.exists(tmp.resolve("users.csv"))).isFalse();
  }
}
