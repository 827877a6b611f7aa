package com.benefits.etl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The unpacked distribution that {@code mvn package} leaves in {@code target/benefits-etl/}: {@code
 * bin/etl} and {@code lib/}. The integration tests run it as separate processes, as users do.
 */
final class Distribution {
  private static final Pattern DEFAULT_OPTS = Pattern.compile("(?m)^default_opts=\"([^\"]*)\"");

  private Distribution() {}

  /** The distribution's directory (the failsafe property {@code etl.home}). */
  static Path home() {
    return Path.of(System.getProperty("etl.home", "target/benefits-etl")).toAbsolutePath();
  }

  /** {@code bin/etl}. */
  static Path launcher() {
    return home().resolve("bin/etl");
  }

  /** The command line's jar, runnable with {@code java -jar} (its manifest names lib/'s jars). */
  static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(home().resolve("lib"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("benefits-etl-cli-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IOException(home() + "/lib holds no benefits-etl-cli jar"));
    }
  }

  /** The JVM options the launcher gives {@code java} by default. */
  static List<String> defaultJvmOptions() throws IOException {
    Matcher m = DEFAULT_OPTS.matcher(Files.readString(launcher()));
    if (!m.find()) {
      throw new IOException(launcher() + " has no default_opts=\"...\" line");
    }
    return List.of(m.group(1).strip().split("\\s+"));
  }
}
