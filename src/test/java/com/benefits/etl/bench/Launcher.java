package com.benefits.etl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's launcher {@code bin/etl}, and the default JVM options it gives {@code java} (its
 * {@code default_opts=} line), so the peers run with the very options users get.
 */
public record Launcher(Path script, List<String> jvmOptions) {
  private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^default_opts=\"([^\"]*)\"");

  public Launcher {
    jvmOptions = List.copyOf(jvmOptions);
  }

  public static Launcher of(Path project) throws IOException {
    Path script = project.resolve("bin/etl").toAbsolutePath();
    Matcher m = DEFAULT_OPTS.matcher(Files.readString(script));
    if (!m.find()) {
      throw new IOException(script + ": no default_opts=\"...\" line to read the JVM options from");
    }
    return new Launcher(script, Arrays.asList(m.group(1).strip().split("\\s+")));
  }

  /**
   * Runs {@code bin/etl --version} once, so that building the jar and training its class-data
   * archive (which the launcher does on first use after a build) stay out of the timed runs.
   */
  void prepare() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(script.toString(), "--version")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    if (p.waitFor() != 0) {
      throw new IOException(script + " --version failed with exit " + p.exitValue());
    }
  }
}
