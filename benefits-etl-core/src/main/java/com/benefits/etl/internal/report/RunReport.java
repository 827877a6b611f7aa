package com.benefits.etl.internal.report;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@code run_report.json} says about a run (docs/spec.md 3.4).
 *
 * @param phases wall time of each phase, in the order they ran
 * @param outputs the files written, in publishing order
 */
public record RunReport(
    Instant startedAt,
    String country,
    InputFile events,
    EventsFormat eventsFormat,
    boolean eventsGzip,
    InputFile users,
    RunResult result,
    List<Phase> phases,
    List<OutputFile> outputs) {

  public RunReport {
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(country, "country is null");
    requireNonNull(events, "events is null");
    requireNonNull(eventsFormat, "eventsFormat is null");
    requireNonNull(users, "users is null");
    requireNonNull(result, "result is null");
    phases = List.copyOf(requireNonNull(phases, "phases is null"));
    outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
  }

  /** One phase of the run and its wall time. */
  public record Phase(String name, long millis) {
    public Phase {
      requireNonNull(name, "name is null");
    }
  }

  /** An input file and its size in bytes. */
  public record InputFile(Path path, long bytes) {
    public InputFile {
      requireNonNull(path, "path is null");
    }
  }

  /** An output file (its published path), its rows and its size in bytes. */
  public record OutputFile(String name, Path path, long rows, long bytes) {
    public OutputFile {
      requireNonNull(name, "name is null");
      requireNonNull(path, "path is null");
    }
  }
}
