package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A run failed a quality gate (see {@link QualityGates}): nothing was published, and what the run
 * would have published is kept for diagnosis in {@link #keptIn()}, outside the published set.
 */
public final class QualityGateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RunResult result;
  private final transient List<GateCheck> failed;
  private final transient Path keptIn;

  public QualityGateException(RunResult result, List<GateCheck> failed, Path keptIn) {
    super(message(failed, keptIn));
    this.result = requireNonNull(result, "result is null");
    this.failed = List.copyOf(failed);
    this.keptIn = requireNonNull(keptIn, "keptIn is null");
    if (this.failed.isEmpty()) {
      throw new IllegalArgumentException("no failed gate");
    }
  }

  private static String message(List<GateCheck> failed, Path keptIn) {
    StringBuilder b = new StringBuilder("quality gate failed: ");
    for (int i = 0; i < failed.size(); i++) {
      b.append(i == 0 ? "" : "; ").append(failed.get(i));
    }
    return b.append(". Nothing was published; this run's outputs and report are in ")
        .append(keptIn)
        .toString();
  }

  /** The run's counts, as its report gives them. */
  public RunResult result() {
    return result;
  }

  /** The gates that failed, in the order they were checked. */
  public List<GateCheck> failed() {
    return failed;
  }

  /** Where the run's outputs and run report are kept. */
  public Path keptIn() {
    return keptIn;
  }
}
