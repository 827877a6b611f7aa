package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.EtlEngine;
import com.benefits.etl.EtlEngines;
import com.benefits.etl.testing.TestFiles;
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

  private CliResult run(String... engine) {
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
    return CliResult.of(args);
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
    CliResult r = run("--engine", "embedded");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("invariant holds");
    assertThat(dir.resolve("out/clean_events.parquet")).exists();
  }

  @Test
  void aMissingEngineIsExitTwoWithOneMessageAndWritesNothing() {
    CliResult r = run("--engine", "spark", "--master", "local[2]");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: --engine spark: the spark engine is not on the classpath (engines here:"
                + " [embedded]); for --engine spark, see docs/spark.md");
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void theEmbeddedEngineRefusesSparkSettings() {
    CliResult r = run("--master", "local[2]");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("the embedded engine takes no engine settings");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
