package com.benefits.etl.cli;

import com.benefits.etl.EtlPipeline;
import com.benefits.etl.RunProgress;
import com.benefits.etl.RunProgress.Phase;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's progress on stderr while it runs. On a terminal: a live bar for the events file
 * (the share of its bytes read, of the compressed size for gzip; records and records/s; MB/s;
 * elapsed and ETA), then one line per later phase. Elsewhere (a scheduler's log): one log line
 * every {@link #LOG_EVERY}, from the first such interval on, so that a short run logs nothing. A
 * thread of its own polls {@link EtlPipeline#progress()}, so the run's own threads do nothing for
 * it.
 */
final class ProgressDisplay implements AutoCloseable {
  /** How often a plain log line says the run is alive. */
  static final Duration LOG_EVERY = Duration.ofSeconds(10);

  /** The logger of the plain lines; --quiet raises it above INFO. */
  static final String LOGGER = "com.benefits.etl.progress";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final long MB = 1L << 20;
  private static final long POLL_MILLIS = 250;

  private final EtlPipeline pipeline;
  private final Thread thread;

  private ProgressDisplay(EtlPipeline pipeline, Runnable loop) {
    this.pipeline = pipeline;
    this.thread = new Thread(loop, "etl-progress");
    thread.setDaemon(true);
  }

  /**
   * Starts showing {@code pipeline}'s progress: a bar when {@code terminalColumns} is positive
   * (stderr is a terminal that wide), log lines otherwise.
   */
  static ProgressDisplay start(EtlPipeline pipeline, int terminalColumns, PrintStream err) {
    ProgressDisplay[] self = new ProgressDisplay[1];
    Runnable loop =
        terminalColumns > 0 ? () -> self[0].bar(terminalColumns, err) : () -> self[0].logLines();
    self[0] = new ProgressDisplay(pipeline, loop);
    self[0].thread.start();
    return self[0];
  }

  private void bar(int columns, PrintStream err) {
    ProgressBar bar = null;
    Phase shown = Phase.STARTING;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        RunProgress p = pipeline.progress();
        if (p.phase() == Phase.READING_EVENTS && bar == null) {
          bar =
              new ProgressBarBuilder()
                  .setTaskName("Events")
                  .setInitialMax(p.bytesTotal() > 0 ? Math.max(1, p.bytesTotal() / MB) : -1)
                  .setUnit(" MB", 1)
                  .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                  .setConsumer(new ConsoleProgressBarConsumer(err, columns - 1))
                  .setUpdateIntervalMillis((int) POLL_MILLIS)
                  .showSpeed()
                  .build();
        }
        if (bar != null && p.phase() == Phase.READING_EVENTS) {
          bar.stepTo(p.bytesRead() / MB);
          bar.setExtraMessage(records(p));
        }
        if (p.phase() != shown && p.phase().compareTo(Phase.READING_EVENTS) > 0) {
          if (bar != null) {
            bar.stepTo(Math.max(bar.getMax(), p.bytesRead() / MB));
            bar.setExtraMessage(records(p));
            bar.close();
            bar = null;
          }
          if (p.phase() != Phase.DONE) {
            err.println(
                p.phase().label().substring(0, 1).toUpperCase(Locale.ROOT)
                    + p.phase().label().substring(1)
                    + "...");
          }
          shown = p.phase();
        }
        if (p.phase() == Phase.DONE) {
          return;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
  }

  private void logLines() {
    long lastLine = System.nanoTime();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        RunProgress p = pipeline.progress();
        if (p.phase() == Phase.DONE) {
          return;
        }
        if (System.nanoTime() - lastLine >= LOG_EVERY.toNanos()) {
          LOG.atInfo()
              .addKeyValue("phase", p.phase().label())
              .addKeyValue("bytes_read", p.bytesRead())
              .addKeyValue("bytes_total", p.bytesTotal())
              .addKeyValue("records_read", p.recordsRead())
              .addKeyValue("elapsed_ms", p.elapsed().toMillis())
              .log(line(p));
          lastLine = System.nanoTime();
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code reading events: 42% of 1,600 MB, 4,200,000 records (210,000/s), 34 MB/s, ...}. */
  static String line(RunProgress p) {
    StringBuilder b = new StringBuilder(p.phase().label());
    if (p.phase() == Phase.READING_EVENTS) {
      double seconds = Math.max(0.001, p.elapsed().toMillis() / 1000.0);
      b.append(": ");
      p.fractionRead()
          .ifPresent(
              f ->
                  b.append(
                      String.format(
                          Locale.ROOT, "%.0f%% of %,d MB, ", f * 100, p.bytesTotal() / MB)));
      b.append(
          String.format(
              Locale.ROOT,
              "%,d records (%,.0f/s), %.1f MB/s",
              p.recordsRead(),
              p.recordsRead() / seconds,
              p.bytesRead() / (double) MB / seconds));
      double f = p.fractionRead().orElse(0);
      if (f > 0.01) {
        b.append(String.format(Locale.ROOT, ", about %.0f s left", seconds * (1 - f) / f));
      }
    }
    return b.append(String.format(Locale.ROOT, "; %.0f s elapsed", p.elapsed().toMillis() / 1000.0))
        .toString();
  }

  /** {@code 1.2M records, 95k/s}: short, beside the bar. */
  private static String records(RunProgress p) {
    double seconds = Math.max(0.001, p.elapsed().toMillis() / 1000.0);
    return " "
        + compact(p.recordsRead())
        + " records, "
        + compact(p.recordsRead() / seconds)
        + "/s";
  }

  static String compact(double n) {
    if (n >= 1e6) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    if (n >= 1e3) {
      return String.format(Locale.ROOT, "%.0fk", n / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", n);
  }

  /** Stops showing progress, and waits for the last of it to be printed. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
