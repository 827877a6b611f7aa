package com.benefits.etl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution's launcher {@code bin/etl}, and the default JVM options it gives {@code java}
 * (its {@code default_opts=} line), so the peers run with the very options users get.
 */
public record Launcher(Path script, List<String> jvmOptions) {
  /** The unpacked distribution's launcher, as {@code mvn package} leaves it. */
  static final String DISTRIBUTION_LAUNCHER = "benefits-etl-cli/target/benefits-etl/bin/etl";

  private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^default_opts=\"([^\"]*)\"");

  public Launcher {
    jvmOptions = List.copyOf(jvmOptions);
  }

  public static Launcher of(Path project) throws IOException {
    Path script = project.resolve(DISTRIBUTION_LAUNCHER).toAbsolutePath();
    if (!Files.isRegularFile(script)) {
      throw new IOException(script + " is missing: build the distribution first (bin/bench does)");
    }
    Matcher m = DEFAULT_OPTS.matcher(Files.readString(script));
    if (!m.find()) {
      throw new IOException(script + ": no default_opts=\"...\" line to read the JVM options from");
    }
    return new Launcher(script, Arrays.asList(m.group(1).strip().split("\\s+")));
  }

  /**
   * Runs {@code bin/etl --version} once, so that training its class-data archive (which the
   * launcher does on first use after a build) stays out of the timed runs.
   */
  void prepare() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(script.toString(), "--version")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (p.waitFor() != 0) {
      throw new IOException(script + " --version failed with exit " + p.exitValue());
    }
  }
}
