package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during a run with {@code --log-format json}: the line the shutdown hook says goes through
 * logging, so stderr still holds nothing but JSON objects.
 */
class SignalLogIT {
  @Test
  void theInterruptLineIsJsonToo(@TempDir Path dir) throws Exception {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("data")).events(300_000).users(2_000).build())
            .generate();
    Path out = dir.resolve("out");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Distribution.jar().toString(),
                "--log-format",
                "json",
                "run",
                "--events",
                data.events().toString(),
                "--users",
                data.users().toString(),
                "--output",
                out.toString())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    // The run has locked its output directory once the directory exists: it is reading events.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(out) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isEqualTo(143);
    List<LogFormatIT.Event> events =
        LogFormatIT.events(Files.readString(err, StandardCharsets.UTF_8));
    LogFormatIT.Event last = events.get(events.size() - 1);
    assertThat(last.fields())
        .containsEntry("level", "ERROR")
        .containsEntry("threadName", "etl-interrupt")
        .containsEntry("formattedMessage", "interrupted: no outputs were changed");
  }
}
