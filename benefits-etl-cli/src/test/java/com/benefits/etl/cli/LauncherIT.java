package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher {@code bin/etl} as users run it: it trains a class-data archive (on
 * Java 25 or later, an ahead-of-time cache) for the jar once, and later runs load the project's
 * classes from it.
 */
class LauncherIT {
  private static final String FROM_ARCHIVE = "source: shared objects file (top)";

  /** An ahead-of-time cache is one static archive: no "(top)" layer. */
  private static final String FROM_AOT_CACHE = "source: shared objects file";

  @Test
  void runsLoadTheProjectsClassesFromTheTrainedArchive(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.log");
    String output = run(dir, Map.of("ETL_JAVA_OPTS", options(log)));

    assertThat(output).contains("invariant holds");
    assertThat(Files.exists(dir.resolve("out/clean_events.parquet"))).isTrue();
    try (Stream<Path> files = Files.list(Distribution.home().resolve("lib"))) {
      assertThat(files.filter(f -> f.getFileName().toString().matches("classes-[0-9]+\\.jsa")))
          .as("one archive, for this build")
          .hasSize(1);
    }
    assertThat(Files.readAllLines(log))
        .anyMatch(l -> l.contains("com.benefits.etl.EtlPipeline ") && l.contains(FROM_ARCHIVE));
  }

  /**
   * An archive holds the classpath's absolute paths, and Java 17 ignores one made for other paths
   * without a word: a distribution moved (or copied) after its first run must train its own, not
   * take the old place's by its name.
   */
  @Test
  void aMovedDistributionTrainsAnArchiveForItsNewPlace(@TempDir Path dir) throws Exception {
    run(dir.resolve("first"), Map.of()); // the archive for the distribution's own place
    Path moved = dir.resolve("moved");
    copyTree(Distribution.home(), moved);
    Path log = dir.resolve("classes.log");
    String output = run(moved.resolve("bin/etl"), dir, Map.of("ETL_JAVA_OPTS", options(log)));

    assertThat(output).contains("invariant holds").contains("training the class-data archive");
    assertThat(Files.readAllLines(log))
        .as(output)
        .anyMatch(l -> l.contains("com.benefits.etl.EtlPipeline ") && l.contains(FROM_ARCHIVE));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Test
  void onJava25TheLauncherTrainsAnAheadOfTimeCacheAndRunsWithoutWarnings(@TempDir Path dir)
      throws Exception {
    Optional<Path> java25 = java25OrLater();
    assumeTrue(java25.isPresent(), "no Java 25 or later runtime under /usr/lib/jvm");
    Path log = dir.resolve("classes.log");
    String output =
        run(dir, Map.of("ETL_JAVA_OPTS", options(log), "JAVA_HOME", java25.get().toString()));

    assertThat(output).contains("invariant holds").doesNotContain("WARNING");
    try (Stream<Path> files = Files.list(Distribution.home().resolve("lib"))) {
      assertThat(files.filter(f -> f.getFileName().toString().matches("classes-[0-9]+\\.aot")))
          .as("one ahead-of-time cache, for this build and runtime")
          .hasSize(1);
    }
    assertThat(Files.readAllLines(log))
        .as(output)
        .anyMatch(l -> l.contains("com.benefits.etl.EtlPipeline ") && l.contains(FROM_AOT_CACHE));
  }

  /** A Java runtime of feature version 25 or later installed under /usr/lib/jvm, if any. */
  private static Optional<Path> java25OrLater() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(h -> Files.isExecutable(h.resolve("bin/java")))
          .filter(h -> featureVersion(h.resolve("release")) >= 25)
          .sorted()
          .findFirst();
    }
  }

  private static int featureVersion(Path release) {
    try {
      for (String line : Files.readAllLines(release)) {
        Matcher m = Pattern.compile("^JAVA_VERSION=\"(\\d+).*").matcher(line);
        if (m.matches()) {
          return Integer.parseInt(m.group(1));
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  @Test
  void etlCdsOffLoadsEveryProjectClassFromTheJar(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.log");
    String output = run(dir, Map.of("ETL_JAVA_OPTS", options(log), "ETL_CDS", "off"));

    assertThat(output).contains("invariant holds");
    assertThat(Files.readAllLines(log))
        .anyMatch(l -> l.contains("com.benefits.etl.EtlPipeline "))
        .noneMatch(l -> l.contains(FROM_ARCHIVE));
  }

  /** The launcher's default options, plus a class-loading log. */
  private static String options(Path log) throws IOException {
    return String.join(" ", Distribution.defaultJvmOptions())
        + " -Xlog:class+load=info:file="
        + log
        + "::filecount=0";
  }

  private static String run(Path dir, Map<String, String> environment) throws Exception {
    return run(Distribution.launcher(), dir, environment);
  }

  private static String run(Path launcher, Path dir, Map<String, String> environment)
      throws Exception {
    Files.createDirectories(dir);
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    launcher.toString(),
                    "run",
                    "--events",
                    TestFiles.repository()
                        .resolve("data/raw_events.json")
                        .toAbsolutePath()
                        .toString(),
                    "--users",
                    TestFiles.repository().resolve("data/users.csv").toAbsolutePath().toString(),
                    "--output",
                    dir.resolve("out").toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("launcher.out").toFile());
    builder.environment().putAll(environment);
    Process p = builder.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(dir.resolve("launcher.out"));
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}
