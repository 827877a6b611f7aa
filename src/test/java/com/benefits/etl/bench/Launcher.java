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
record Launcher(Path script, List<String> jvmOptions) {
  private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^default_opts=\"([^\"]*)\"");

  Launcher {
    jvmOptions = List.copyOf(jvmOptions);
  }

  static Launcher of(Path project) throws IOException {
    Path script = project.resolve("bin/etl").toAbsolutePath();
    Matcher m = DEFAULT_OPTS.matcher(Files.readString(script));
    if (!m.find()) {
      throw new IOException(script + ": no default_opts=\"...\" line to read the JVM options from");
    }
    return new Launcher(script, Arrays.asList(m.group(1).strip().split("\\s+")));
  }
}
