package com.benefits.etl;

/**
 * The run was stopped by {@link EtlPipeline#cancel()} (the command line calls it on SIGINT and
 * SIGTERM) or by an interrupt of its thread. Nothing was published; the run's temporary files, its
 * lock, and the output directory if the run created it, are removed.
 */
public final class RunInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunInterruptedException() {
    super("interrupted: no outputs were changed");
  }
}
