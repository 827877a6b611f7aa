package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.internal.model.Cancellation;
import com.benefits.etl.internal.write.ScratchSpace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** {@code scheme:/...}: a URI as a path prints it, {@code s3://b/k} becoming {@code s3:/b/k}. */
  private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

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
              + " is a "
              + scheme
              + ": URI, and the embedded engine reads and writes local paths only; the Spark"
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
    try (InputStream in = stdin ? System.in : Files.newInputStream(events);
        OutputStream out = Files.newOutputStream(copy)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        cancellation.check();
      }
    } catch (IOException e) {
      throw new BadInputException(
          events,
          "cannot copy the events from "
              + (stdin ? "standard input" : "this pipe")
              + " to "
              + copy
              + ": "
              + ReadFailures.describe(e),
          e);
    }
    return copy;
  }
}
