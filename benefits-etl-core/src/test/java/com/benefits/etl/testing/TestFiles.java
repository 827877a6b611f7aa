package com.benefits.etl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Test inputs on disk: copies of classpath resources, gzip, and snapshots of a directory. */
public final class TestFiles {
  private TestFiles() {}

  /**
   * The repository's root, for its bundled {@code data/} and docs: the build sets {@code etl.root};
   * an IDE run finds it from the working directory (a module or the root).
   */
  public static Path repository() {
    String set = System.getProperty("etl.root");
    if (set != null && !set.isBlank()) {
      return Path.of(set).toAbsolutePath();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(".ci/run"))) {
        return p;
      }
    }
    throw new IllegalStateException("not inside the repository, and etl.root is not set");
  }

  /** Copies classpath resource {@code name} (e.g. "e2e/events.json") to {@code target}. */
  public static Path copyResource(String name, Path target) {
    try (InputStream in = TestFiles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code source} gzipped to {@code target}. */
  public static Path gzip(Path source, Path target) {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
      Files.copy(source, out);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Everything below {@code dir}, hidden entries included, by path relative to it: a file's bytes,
   * or for a symbolic link (never followed) its target as text after "-> ". Compare two snapshots'
   * values with {@code Arrays.equals}: a map's {@code equals} compares arrays by identity.
   */
  public static Map<String, byte[]> snapshot(Path dir) {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name = dir.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          files.put(name, ("-> " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8));
        } else if (Files.isRegularFile(p)) {
          files.put(name, Files.readAllBytes(p));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the files in {@code dir}, sorted. */
  public static List<String> names(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
