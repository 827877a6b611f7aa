package com.benefits.etl.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One timed child process.
 *
 * @param wallNanos from start to exit, measured by the benchmark
 * @param peakRssKb the child JVM's peak resident set size (VmHWM / ru_maxrss), in KiB
 * @param stdout what the child printed on stdout
 * @param stderr what the child printed on stderr
 * @param outputFiles the non-empty files the child left in its output directory, by name
 */
record RunSample(
    Engine engine,
    int round,
    int exitCode,
    long wallNanos,
    long peakRssKb,
    String stdout,
    String stderr,
    List<String> outputFiles) {
  RunSample {
    requireNonNull(engine, "engine is null");
    requireNonNull(stdout, "stdout is null");
    requireNonNull(stderr, "stderr is null");
    outputFiles = List.copyOf(outputFiles);
  }

  RunSample withOutputFiles(List<String> files) {
    return new RunSample(engine, round, exitCode, wallNanos, peakRssKb, stdout, stderr, files);
  }

  double wallSeconds() {
    return wallNanos / 1e9;
  }
}
