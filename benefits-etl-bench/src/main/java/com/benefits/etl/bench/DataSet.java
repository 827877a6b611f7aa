package com.benefits.etl.bench;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A generated data set in the cache, {@code <cache>/<events>-<users>-<seed>/}: written by the
 * project's own generator into a scratch directory and renamed into place only when complete, so an
 * interrupted generation is never mistaken for a cached one.
 */
record DataSet(Path dir, long events, int users, long seed, EventsFormat format) {
  Path eventsFile() {
    return dir.resolve(format == EventsFormat.NDJSON ? "raw_events.ndjson" : "raw_events.json");
  }

  Path usersFile() {
    return dir.resolve("users.csv");
  }

  long eventsBytes() throws IOException {
    return Files.size(eventsFile());
  }

  /** The cached data set, generated first when missing. */
  static DataSet ensure(
      Path cache, long events, int users, long seed, EventsFormat format, PrintStream log)
      throws IOException {
    String name =
        events + "-" + users + "-" + seed + (format == EventsFormat.NDJSON ? "-ndjson" : "");
    Path dir = cache.resolve(name).toAbsolutePath();
    DataSet data = new DataSet(dir, events, users, seed, format);
    if (Files.isRegularFile(dir.resolve("manifest.json"))) {
      log.printf("data set: cached in %s%n", dir);
      return data;
    }
    Files.createDirectories(cache);
    Path scratch = Files.createTempDirectory(cache, ".generating-");
    long start = System.nanoTime();
    new MockDataGenerator(
            GeneratorOptions.builder(scratch)
                .events(events)
                .users(users)
                .seed(seed)
                .format(format)
                .build())
        .generate();
    Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
    log.printf(
        "data set: generated %,d events in %.1f s into %s%n",
        events, (System.nanoTime() - start) / 1e9, dir);
    return data;
  }

  /** Deletes a directory tree, if it exists. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
