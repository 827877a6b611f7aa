package com.benefits.etl.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the two Spark runs need: the engine jar, Spark's jars, and the launcher's JVM options. */
final class SparkRuntime {
  private SparkRuntime() {}

  /** The Spark engine's shaded jar, as {@code mvn package} leaves it. */
  static Path engineJar(Path project) throws IOException {
    Path target = project.resolve("benefits-etl-spark/target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("benefits-etl-spark-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IOException("no benefits-etl-spark jar in " + target));
    }
  }

  /** This JVM's classpath without the project's own jars: Spark and its libraries. */
  static String sparkClasspath() {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")
          && !Path.of(entry).getFileName().toString().startsWith("benefits-etl")) {
        jars.add(entry);
      }
    }
    return String.join(File.pathSeparator, jars);
  }

  /** The JVM options bin/etl gives a Spark run (its --add-opens list), read from the script. */
  static List<String> jvmOptions(Path script) throws IOException {
    String text = Files.readString(script);
    List<String> options = new ArrayList<>();
    options.add("-XX:+IgnoreUnrecognizedVMOptions");
    Matcher list = Pattern.compile("for p in ([^;]*); do").matcher(text);
    if (!list.find()) {
      throw new IOException(script + ": no --add-opens list to read");
    }
    for (String p : list.group(1).replace("\\", " ").trim().split("\\s+")) {
      options.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
    }
    options.add("-Djdk.reflect.useDirectMethodHandle=false");
    options.add("-Dio.netty.tryReflectionSetAccessible=true");
    return options;
  }
}
