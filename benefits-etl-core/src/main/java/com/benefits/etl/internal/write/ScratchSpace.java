package com.benefits.etl.internal.write;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import com.benefits.etl.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's scratch directory: the deduplication key log, the daily counts' runs, and a copy of
 * events read from a pipe (docs/limits.md says how much room they take). It is {@code
 * benefits-etl-scratch-RUN/} inside a parent (the output directory's {@code .benefits-etl/}, or
 * {@code --scratch}), locked while the run lives and removed by {@link #close()}; one a killed run
 * left is removed by the next run that finds it unlocked in the same parent.
 */
public final class ScratchSpace implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScratchSpace.class);
  static final String PREFIX = "benefits-etl-scratch-";
  private static final String LOCK = ".lock";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final List<Path> created;

  private ScratchSpace(Path dir, FileChannel lockChannel, FileLock lock, List<Path> created) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.created = created;
  }

  /**
   * Makes this run's scratch directory in {@code parent} (created like {@code mkdir -p} if
   * missing), after removing those of dead runs there.
   *
   * @throws BadInputException when the parent is not a writable directory
   */
  public static ScratchSpace create(Path parent, String runId) {
    Path absolute = parent.toAbsolutePath().normalize();
    List<Path> created = Directories.missing(absolute);
    Path dir = absolute.resolve(PREFIX + runId);
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.lock();
      removeDead(absolute, dir);
      return new ScratchSpace(dir, channel, lock, created);
    } catch (IOException e) {
      if (channel != null) {
        closeQuietly(channel);
      }
      try {
        Directories.deleteTree(dir);
      } catch (IOException ignored) {
        // reported below
      }
      Directories.removeIfEmpty(created);
      throw new BadInputException(
          parent, "cannot make the scratch directory: " + OutputDirectory.describe(e), e);
    }
  }

  /** Removes the scratch directories in {@code parent} whose run no longer holds their lock. */
  private static void removeDead(Path parent, Path ours) throws IOException {
    try (DirectoryStream<Path> all = Files.newDirectoryStream(parent, PREFIX + "*")) {
      for (Path other : all) {
        if (other.equals(ours) || !Files.isDirectory(other, NOFOLLOW_LINKS)) {
          continue;
        }
        try (FileChannel c =
            FileChannel.open(
                other.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          FileLock held = tryLock(c);
          if (held != null) {
            LOG.info("Removing {}, left by a run that did not finish", other);
            Directories.deleteTree(other);
          }
        } catch (IOException e) {
          LOG.debug("could not check {}", other, e);
        }
      }
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      return null;
    }
  }

  /** A file in this run's scratch directory. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  public Path directory() {
    return dir;
  }

  /** Removes the directory and all in it, and the parents this run created if they are empty. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      LOG.debug("releasing {} failed", dir.resolve(LOCK), e);
    }
    closeQuietly(lockChannel);
    try {
      Directories.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("removing the scratch directory " + dir + " failed", e);
    }
    Directories.removeIfEmpty(created);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing a scratch lock failed", e);
    }
  }
}
