package com.benefits.etl.internal.write;

import com.benefits.etl.BadInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic publishing of a run's outputs (docs/spec.md 3.5). Every output is written to a temporary
 * file in the output directory and renamed into place only by {@link #publish()}, after the whole
 * run succeeded; {@link #close()} removes whatever was not published, and the directory itself if
 * this run created it and published nothing. A lock file, removed at the end, keeps two runs from
 * writing into one directory at once; temporary files left by a killed run (and its lock file) are
 * removed by the next run that takes the lock.
 */
public final class OutputDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDirectory.class);
  static final String LOCK_FILE = ".benefits-etl.lock";
  static final String TEMP_PREFIX = ".benefits-etl-tmp-";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);

  /** Final name to temporary file, in the order outputs were asked for. */
  private final Map<String, Path> pending = new LinkedHashMap<>();

  /** The directories this run created, innermost first; removed again if nothing is published. */
  private final List<Path> created;

  private boolean published;

  private OutputDirectory(Path dir, FileChannel lockChannel, FileLock lock, List<Path> created) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.created = created;
  }

  /**
   * Creates the directory if needed, takes its lock and removes stale temporary files.
   *
   * @throws BadInputException when the directory cannot be created or written, or another run holds
   *     the lock
   */
  public static OutputDirectory open(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new BadInputException(dir, "the output path exists and is not a directory");
    }
    List<Path> created = new ArrayList<>(); // innermost first
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      created.add(p);
    }
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new BadInputException(dir, "the output path exists and is not a directory", e);
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot create the output directory: " + describe(e), e);
    }
    Path lockFile = dir.resolve(LOCK_FILE);
    for (int attempt = 1; ; attempt++) {
      FileChannel channel;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      } catch (IOException e) {
        removeIfEmpty(created);
        throw new BadInputException(
            dir, "the output directory cannot be written: " + describe(e), e);
      }
      try {
        FileLock lock = tryLock(channel);
        if (lock == null) {
          closeQuietly(channel);
          throw new BadInputException(
              dir,
              "another benefits-etl run is writing to this output"
                  + " directory (it holds "
                  + LOCK_FILE
                  + "); wait for it or choose another --output");
        }
        if (!Files.exists(lockFile) && attempt < 10) {
          // The run that held it removed the file as we opened it: that lock guards nothing.
          lock.release();
          closeQuietly(channel);
          continue;
        }
        OutputDirectory out = new OutputDirectory(dir, channel, lock, created);
        out.removeStaleTemporaries();
        return out;
      } catch (IOException e) {
        closeQuietly(channel);
        throw new BadInputException(dir, "cannot lock the output directory: " + describe(e), e);
      }
    }
  }

  /** The lock, or null when another run holds it, in another process or in this JVM. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      return null;
    }
  }

  private void removeStaleTemporaries() throws IOException {
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
      for (Path p : stale) {
        LOG.info("Removing {} left by an earlier run that did not finish", p.getFileName());
        Files.deleteIfExists(p);
      }
    }
  }

  public Path directory() {
    return dir;
  }

  /** The temporary file to write {@code finalName} into; published by {@link #publish()}. */
  public Path temporaryFor(String finalName) {
    return pending.computeIfAbsent(finalName, n -> dir.resolve(TEMP_PREFIX + runId + "-" + n));
  }

  /**
   * A working file of this run that is never published, such as the deduplication key log: named
   * like the temporary outputs, so a killed run's leftovers are removed by the next run too. Its
   * user deletes it; {@link #close()} removes it, and any sibling named after it, if not.
   */
  public Path scratchFile(String name) {
    return dir.resolve(TEMP_PREFIX + runId + "-" + name);
  }

  /** The path {@code finalName} will have once published. */
  public Path finalPath(String finalName) {
    return dir.resolve(finalName);
  }

  /** Renames every temporary file into place, in the order they were asked for. */
  public void publish() {
    for (Map.Entry<String, Path> e : pending.entrySet()) {
      Path target = dir.resolve(e.getKey());
      try {
        try {
          Files.move(
              e.getValue(),
              target,
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException ex) {
        throw new BadInputException(target, "cannot publish the output: " + describe(ex), ex);
      }
    }
    pending.clear();
    published = true;
  }

  /**
   * Removes unpublished temporary files and the lock file, and releases the lock. If nothing was
   * published, the directories this run created are removed too (when empty): a failed run leaves
   * no trace.
   */
  @Override
  public void close() {
    for (Path p : pending.values()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        LOG.warn("Could not remove temporary file {}: {}", p, describe(e));
      }
    }
    pending.clear();
    try (DirectoryStream<Path> ours = Files.newDirectoryStream(dir, TEMP_PREFIX + runId + "-*")) {
      for (Path p : ours) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("Could not remove this run's scratch files in {}: {}", dir, describe(e));
    }
    try {
      Files.deleteIfExists(dir.resolve(LOCK_FILE)); // while still holding it
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", dir.resolve(LOCK_FILE), describe(e));
    }
    try {
      lock.release();
    } catch (IOException e) {
      LOG.warn("Could not release {}: {}", dir.resolve(LOCK_FILE), describe(e));
    }
    closeQuietly(lockChannel);
    if (!published) {
      removeIfEmpty(created);
    }
  }

  /** Deletes each directory, innermost first, stopping at the first that is not empty. */
  private static void removeIfEmpty(List<Path> directories) {
    for (Path d : directories) {
      try {
        Files.delete(d);
      } catch (IOException e) {
        return; // not empty (or gone): leave it and its parents
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing the lock file failed", e);
    }
  }

  static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
  }
}
