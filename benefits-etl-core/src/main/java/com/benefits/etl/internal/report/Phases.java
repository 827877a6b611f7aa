package com.benefits.etl.internal.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The wall time of a run's phases, in order, for the run report; each ends where the next starts.
 */
public final class Phases {
  private final List<RunReport.Phase> list = new ArrayList<>();
  private long last = System.nanoTime();

  /** Ends the phase that began at the last {@code end} (or at construction), naming it. */
  public void end(String name) {
    long now = System.nanoTime();
    list.add(new RunReport.Phase(name, (now - last) / 1_000_000));
    last = now;
  }

  /** The phases ended so far. */
  public List<RunReport.Phase> list() {
    return List.copyOf(list);
  }
}
