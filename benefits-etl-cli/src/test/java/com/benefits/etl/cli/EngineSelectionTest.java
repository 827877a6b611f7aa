package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.EtlEngine;
import com.benefits.etl.EtlEngines;
import com.benefits.etl.testing.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code etl run --engine}: the embedded engine is found through the engine SPI and is the default;
 * an engine that is not on the classpath (the command line's own classpath has no Spark) is exit 2
 * with one message saying what is missing, and nothing is written.
 */
class EngineSelectionTest {
  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  private static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(status, out.toString(), err.toString());
  }

  private Result run(String... engine) {
    Path events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    Path users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    String[] base = {
      "run",
      "--events",
      events.toString(),
      "--users",
      users.toString(),
      "--output",
      dir.resolve("out").toString()
    };
    String[] args = new String[base.length + engine.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(engine, 0, args, base.length, engine.length);
    return cli(args);
  }

  @Test
  void theEmbeddedEngineIsOnTheClasspathAndTheDefault() {
    assertThat(EtlEngines.all()).extracting(EtlEngine::name).first().isEqualTo("embedded");
    assertThat(EtlEngines.find("embedded"))
        .get()
        .satisfies(e -> assertThat(e.unavailable()).isEmpty());
  }

  @Test
  void engineEmbeddedRunsLikeTheDefault() {
    Result r = run("--engine", "embedded");
    assertThat(r.status).as(r.err).isZero();
    assertThat(r.out).contains("invariant holds");
    assertThat(dir.resolve("out/clean_events.parquet")).exists();
  }

  @Test
  void aMissingEngineIsExitTwoWithOneMessageAndWritesNothing() {
    Result r = run("--engine", "spark", "--master", "local[2]");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err.strip())
        .isEqualTo(
            "error: --engine spark: the spark engine is not on the classpath (engines here:"
                + " [embedded]); for --engine spark, see docs/spark.md");
    assertThat(r.out).isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void theEmbeddedEngineRefusesSparkSettings() {
    Result r = run("--master", "local[2]");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).contains("the embedded engine takes no engine settings");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
