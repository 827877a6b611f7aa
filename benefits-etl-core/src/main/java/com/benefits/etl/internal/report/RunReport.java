package com.benefits.etl.internal.report;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.GateCheck;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import com.benefits.etl.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code run_report.json} says about a run (docs/spec.md, "Run report").
 *
 * @param status whether the run published its outputs or a quality gate stopped it (a run stopped
 *     by an error is reported by {@link RunReportWriter#writeFailure})
 * @param version the build that ran
 * @param options the options the run was given
 * @param warnings what looked wrong about the inputs (also logged)
 * @param gates every quality gate checked, passed or not
 * @param phases wall time of each phase, in the order they ran
 * @param outputs the Parquet files written, in publishing order
 * @param examples the first rejected records of each reason, for report.html
 * @param eventsPerDay clean events per UTC day, for report.html
 */
public record RunReport(
    Instant startedAt,
    Status status,
    Version version,
    PipelineOptions options,
    InputFile events,
    EventsFormat eventsFormat,
    boolean eventsGzip,
    InputFile users,
    RunResult result,
    List<String> warnings,
    List<GateCheck> gates,
    List<Phase> phases,
    List<OutputFile> outputs,
    Map<RejectReason, List<RejectExample>> examples,
    DayTotals eventsPerDay) {

  /** What became of the run, and the command line's exit status for it. */
  public enum Status {
    SUCCEEDED("succeeded", 0),
    GATE_FAILED("gate_failed", 3),
    /** Stopped by bad input: a {@link com.benefits.etl.BadInputException}. */
    BAD_INPUT("bad_input", 2),
    /** Stopped by anything else, such as a failed write. */
    FAILED("failed", 1);

    private final String code;
    private final int exitStatus;

    Status(String code, int exitStatus) {
      this.code = code;
      this.exitStatus = exitStatus;
    }

    public String code() {
      return code;
    }

    public int exitStatus() {
      return exitStatus;
    }
  }

  public RunReport {
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(status, "status is null");
    requireNonNull(version, "version is null");
    requireNonNull(options, "options is null");
    requireNonNull(events, "events is null");
    requireNonNull(eventsFormat, "eventsFormat is null");
    requireNonNull(users, "users is null");
    requireNonNull(result, "result is null");
    warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    gates = List.copyOf(requireNonNull(gates, "gates is null"));
    phases = List.copyOf(requireNonNull(phases, "phases is null"));
    outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
    examples = Map.copyOf(requireNonNull(examples, "examples is null"));
    requireNonNull(eventsPerDay, "eventsPerDay is null");
  }

  /** One phase of the run and its wall time. */
  public record Phase(String name, long millis) {
    public Phase {
      requireNonNull(name, "name is null");
    }
  }

  /** An input file and its size in bytes (-1 for standard input). */
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
