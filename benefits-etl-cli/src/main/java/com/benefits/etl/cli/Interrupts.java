package com.benefits.etl.cli;

import com.benefits.etl.EtlPipeline;
import com.benefits.etl.RunInterruptedException;
import com.benefits.etl.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGINT and SIGTERM during a run: the JVM runs its shutdown hooks, and the one here cancels the
 * run, waits for it to remove its temporary files, its lock and any directory it created, and
 * prints one line saying whether outputs changed. The JVM then exits with 130 or 143.
 */
final class Interrupts {
  /** Longer than a run takes to notice a cancel and clean up, shorter than a patient user. */
  private static final long WAIT_SECONDS = 10;

  private Interrupts() {}

  /** Runs {@code pipeline}, stopping it cleanly if the process is asked to end. */
  static RunResult stopOnSignal(EtlPipeline pipeline, PrintWriter err) {
    CountDownLatch ended = new CountDownLatch(1);
    boolean[] published = {false};
    Thread hook =
        new Thread(
            () -> {
              pipeline.cancel();
              try {
                if (!ended.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                  err.println("interrupted: the run did not stop in time; the next run cleans up");
                } else if (published[0]) {
                  err.println("interrupted after the outputs were published: they are complete");
                } else {
                  err.println(new RunInterruptedException().getMessage());
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              err.flush();
            },
            "etl-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      RunResult result = pipeline.run();
      published[0] = true;
      return result;
    } finally {
      ended.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it prints the line; the JVM exits with the signal's status
        parkUntilExit();
      }
    }
  }

  /**
   * While the JVM shuts down on a signal, the run's thread must not go on to print a summary or an
   * error of its own: it waits here for the exit.
   */
  private static void parkUntilExit() {
    while (true) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // keep waiting: the JVM halts once the hooks are done
      }
    }
  }
}
