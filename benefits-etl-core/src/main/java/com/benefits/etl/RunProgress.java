package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Where a run is, as {@link EtlPipeline#progress()} sees it at one moment: for a progress bar or a
 * log line while it runs.
 *
 * @param phase what the run is doing
 * @param bytesRead bytes of the events file read so far (of the compressed file for gzip)
 * @param bytesTotal the events file's size, or -1 when it is not known (standard input, a pipe)
 * @param recordsRead records read so far, to within 1,024
 * @param elapsed since the run started
 */
public record RunProgress(
    Phase phase, long bytesRead, long bytesTotal, long recordsRead, Duration elapsed) {

  /** A run's phases, in the order they come. */
  public enum Phase {
    STARTING("starting"),
    LOADING_USERS("loading users"),
    READING_EVENTS("reading events"),
    DAILY_SUMMARY("daily summary"),
    PUBLISHING("publishing"),
    DONE("done");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    /** The phase in words, such as {@code reading events}. */
    public String label() {
      return label;
    }
  }

  public RunProgress {
    requireNonNull(phase, "phase is null");
    requireNonNull(elapsed, "elapsed is null");
  }

  /** The share of the events file read, from 0 to 1, when its size is known. */
  public OptionalDouble fractionRead() {
    return bytesTotal <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(Math.min(1.0, (double) bytesRead / bytesTotal));
  }
}
