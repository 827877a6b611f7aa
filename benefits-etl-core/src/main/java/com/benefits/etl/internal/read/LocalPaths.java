package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.RunInterruptedException;
import com.benefits.etl.internal.model.Cancellation;
import com.benefits.etl.internal.write.ScratchSpace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's paths: local files only (a URI is refused, naming the engine that reads
 * it), and events from standard input or a pipe copied to the scratch space first, because the
 * readers go back into the file to locate an error.
 */
public final class LocalPaths {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPaths.class);

  /** How often a run waiting for a pipe checks for a cancel. */
  private static final long CANCEL_POLL_MILLIS = 50;

  /**
   * {@code scheme:/...}: a URI as a path prints it, {@code s3://b/k} becoming {@code s3:/b/k}; and
   * any {@code file:} URI, {@code file:data/x.json} included.
   */
  private static final Pattern URI =
      Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]+:/.*|(?i:file):.*)", Pattern.DOTALL);

  private LocalPaths() {}

  /**
   * @throws BadInputException if {@code path} is a URI such as {@code s3://bucket/key}
   */
  public static void requireLocal(Path path, String role) {
    String text = path.toString();
    if (URI.matcher(text).matches()) {
      String scheme = text.substring(0, text.indexOf(':'));
      throw new BadInputException(
          path,
          "the "
              + role
              + " is a URI ("
              + scheme
              + ":), and the embedded engine reads and writes local paths only; the Spark"
              + " engine (--engine spark) reads any path the cluster's Hadoop file systems do"
              + (scheme.equals("file") ? ", or give the local path without file:" : ""));
    }
  }

  /**
   * The events as a regular file: {@code events} itself, or for standard input ({@code -}) and
   * pipes a copy in the scratch space.
   */
  public static Path readable(Path events, ScratchSpace scratch, Cancellation cancellation) {
    boolean stdin = events.equals(PipelineOptions.STANDARD_INPUT);
    if (!stdin && (!Files.exists(events) || Files.isRegularFile(events))) {
      return events; // missing: the reader says so
    }
    if (!stdin && Files.isDirectory(events)) {
      return events;
    }
    Path copy = scratch.file("events");
    LOG.info("Copying {} to {}", stdin ? "standard input" : events, copy);
    // On a thread of its own: opening a pipe and reading from it block until its writer acts, and
    // cannot be interrupted, so the run's thread waits here checking for a cancel (SIGINT or
    // SIGTERM while the producer stalls), and then leaves the copy behind, which stops at its
    // next chunk.
    CompletableFuture<Void> copied = new CompletableFuture<>();
    Thread copier =
        new Thread(
            () -> {
              try (InputStream in = stdin ? System.in : Files.newInputStream(events);
                  OutputStream out = Files.newOutputStream(copy)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) >= 0 && !copied.isDone(); ) {
                  out.write(buffer, 0, n);
                }
                copied.complete(null);
              } catch (Throwable e) {
                copied.completeExceptionally(e);
              }
            },
            "events-copy");
    copier.setDaemon(true);
    copier.start();
    try {
      while (true) {
        try {
          copied.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
          return copy;
        } catch (TimeoutException stillCopying) {
          cancellation.check();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RunInterruptedException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new BadInputException(
            events,
            "cannot copy the events from "
                + (stdin ? "standard input" : "this pipe")
                + " to "
                + copy
                + ": "
                + ReadFailures.describe(io),
            io);
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("copying the events failed", e.getCause());
    } finally {
      copied.cancel(false); // a no-op once copied; otherwise the copier stops
    }
  }
}
