package com.benefits.etl.internal.model;

import com.benefits.etl.RunInterruptedException;

/**
 * A run's stop request: set from any thread ({@link #cancel()}), checked by the run's loops every
 * so many records or rows ({@link #check()}), so that a run stops within about a second. An
 * interrupt of the checking thread counts as a request too.
 */
public final class Cancellation {
  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled || Thread.currentThread().isInterrupted();
  }

  /**
   * @throws RunInterruptedException if the run was asked to stop
   */
  public void check() {
    if (isCancelled()) {
      throw new RunInterruptedException();
    }
  }
}
