package com.benefits.etl.internal.write;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Making directories like {@code mkdir -p} and taking them away again. */
final class Directories {
  private Directories() {}

  /** The directories {@code mkdir -p path} would create, innermost first. */
  static List<Path> missing(Path path) {
    List<Path> missing = new ArrayList<>();
    for (Path p = path.toAbsolutePath().normalize();
        p != null && !Files.exists(p, NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing.add(p);
    }
    return missing;
  }

  /** Deletes each directory, innermost first, stopping at the first that is not empty. */
  static void removeIfEmpty(List<Path> directories) {
    for (Path d : directories) {
      try {
        Files.delete(d);
      } catch (IOException e) {
        return; // not empty (or gone): leave it and its parents
      }
    }
  }

  /** Deletes a file, or a directory and all it holds; links are removed, never followed. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(root, NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
        for (Path child : children) {
          deleteTree(child);
        }
      }
    }
    Files.deleteIfExists(root);
  }
}
