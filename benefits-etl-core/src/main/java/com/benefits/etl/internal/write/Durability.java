package com.benefits.etl.internal.write;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync for files and directories, so that what a run reports as published survives a power
 * failure: a file's data, and a directory's entries (the names created or renamed in it).
 */
final class Durability {
  private Durability() {}

  /** Forces {@code path}'s data and metadata to the disk; a directory's entries likewise. */
  static void sync(Path path) throws IOException {
    // Opening a directory for reading and forcing it is fsync(2) on its descriptor on Linux and
    // macOS, as Lucene's IOUtils.fsync does.
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
