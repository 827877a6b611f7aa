package com.benefits.etl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts one child process, waits for it, and measures its wall time and peak RSS. */
final class ChildProcess {
  private static final long POLL_MILLIS = 5;

  private ChildProcess() {}

  /**
   * Runs {@code command} with stdout and stderr captured to files in {@code scratch}.
   *
   * @param environment changes to the inherited environment; a null value removes the variable
   */
  static RunSample run(
      Engine engine,
      int round,
      List<String> command,
      Map<String, String> environment,
      PeakRss meter,
      Path scratch)
      throws IOException, InterruptedException {
    Path out = scratch.resolve(engine.label + "-" + round + ".out");
    Path err = scratch.resolve(engine.label + "-" + round + ".err");
    Path rss = scratch.resolve(engine.label + "-" + round + ".rss");
    ProcessBuilder builder =
        new ProcessBuilder(meter.wrap(command, rss))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    environment.forEach(
        (k, v) -> {
          if (v == null) {
            builder.environment().remove(k);
          } else {
            builder.environment().put(k, v);
          }
        });
    long start = System.nanoTime();
    Process process = builder.start();
    long peak = 0;
    if (meter == PeakRss.PROC_POLLING) {
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, PeakRss.vmHwmKb(process.pid()));
      }
    }
    int exit = process.waitFor();
    long wall = System.nanoTime() - start;
    if (meter == PeakRss.GNU_TIME) {
      peak = PeakRss.readTimeFile(rss);
    }
    return new RunSample(
        engine,
        round,
        exit,
        wall,
        peak,
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8),
        List.of());
  }
}
