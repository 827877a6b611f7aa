package com.benefits.etl.internal.write;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import com.benefits.etl.BadInputException;
import com.benefits.etl.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output directory and its all-or-nothing publish (docs/spec.md, "Publishing"). A run writes its
 * outputs into a directory of its own; publishing is then one atomic rename of a symbolic link, so
 * a reader of the output directory sees the whole previous set or the whole new one, whatever
 * happens at any instant, a kill -9 included:
 *
 * <pre>
 * DIR/clean_events.parquet -> .benefits-etl/current/clean_events.parquet   (one link per output)
 * DIR/.benefits-etl/current -> runs/RUN                                    (the published set)
 * DIR/.benefits-etl/runs/RUN/                                             (one run's outputs)
 * DIR/.benefits-etl/failed/RUN/                                           (runs a quality gate stopped)
 * DIR/.benefits-etl/lock                                                  (held while a run works)
 * </pre>
 *
 * <p>{@link #open} creates the directory like {@code mkdir -p}, takes the lock (one run at a time),
 * refuses inputs that a run would replace or remove, refuses an output name taken by something that
 * is not a file, and finishes or rolls back whatever a killed run left. {@link #publish()} fsyncs
 * the files and directories, then flips {@code current}; {@link #close()} removes what was not
 * published, the lock, and the directories the run created if it published and kept nothing.
 */
public final class OutputDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDirectory.class);

  /** The directory of the publish's state, inside the output directory. */
  public static final String STATE = ".benefits-etl";

  static final String LOCK = "lock";
  static final String CURRENT = "current";
  static final String RUNS = "runs";
  static final String FAILED = "failed";

  /** How many runs stopped by a quality gate are kept in {@code .benefits-etl/failed/}. */
  public static final int FAILED_RUNS_KEPT = 3;

  /** Suffix of a link being made, renamed into place once whole. */
  private static final String NEW_LINK = ".benefits-etl-new";

  /** Temporary files of versions before the symbolic-link layout; swept like ours. */
  private static final String OLD_TEMP_PREFIX = ".benefits-etl-tmp-";

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Path state;
  private final String runId;
  private final Path runDir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  /** Directories this run created, innermost first: removed again if it leaves nothing. */
  private final List<Path> created;

  private boolean runDirMade;
  private boolean published;
  private Path kept;

  private OutputDirectory(
      Path dir, Path state, FileChannel lockChannel, FileLock lock, List<Path> created) {
    this.dir = dir;
    this.state = state;
    this.runId =
        RUN_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    this.runDir = state.resolve(RUNS).resolve(runId);
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.created = created;
  }

  /** Opens {@code dir} with no inputs to protect (tests, and callers that checked them). */
  public static OutputDirectory open(Path dir) {
    return open(dir, List.of());
  }

  /**
   * Creates the directory if needed, takes its lock, checks that no input lies where a run writes
   * or sweeps, and finishes or rolls back an interrupted publish.
   *
   * @param inputs the run's input files: refused if publishing would replace or remove them
   * @throws BadInputException when the directory cannot be created, locked or written, another run
   *     holds it, an input is inside its published set, or an output's name is taken by a directory
   */
  public static OutputDirectory open(Path dir, List<Path> inputs) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new BadInputException(dir, "the output path exists and is not a directory");
    }
    List<Path> created = new ArrayList<>(Directories.missing(absolute)); // innermost first
    Path state = absolute.resolve(STATE);
    if (!Files.exists(state, NOFOLLOW_LINKS)) {
      created.add(0, state);
    }
    try {
      Files.createDirectories(state);
    } catch (FileAlreadyExistsException e) {
      Directories.removeIfEmpty(created);
      throw new BadInputException(
          dir, "the output path, or " + STATE + " inside it, exists and is not a directory", e);
    } catch (IOException e) {
      Directories.removeIfEmpty(created);
      throw new BadInputException(dir, "cannot create the output directory: " + describe(e), e);
    }
    OutputDirectory out = lock(dir, absolute, state, created);
    try {
      for (Path input : inputs) {
        out.refuseIfPublished(input);
      }
      out.refuseTakenNames();
      out.recover();
      return out;
    } catch (IOException e) {
      out.close();
      throw new BadInputException(dir, "cannot prepare the output directory: " + describe(e), e);
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  private static OutputDirectory lock(Path given, Path dir, Path state, List<Path> created) {
    Path lockFile = state.resolve(LOCK);
    for (int attempt = 1; ; attempt++) {
      FileChannel channel;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      } catch (IOException e) {
        Directories.removeIfEmpty(created);
        throw new BadInputException(
            given, "the output directory cannot be written: " + describe(e), e);
      }
      try {
        FileLock lock = tryLock(channel);
        if (lock == null) {
          closeQuietly(channel);
          throw new BadInputException(
              given,
              "another benefits-etl run is writing to this output directory (it holds "
                  + STATE
                  + "/"
                  + LOCK
                  + "); wait for it or choose another --output");
        }
        if (!Files.exists(lockFile) && attempt < 10) {
          // The run that held it removed the file as we opened it: that lock guards nothing.
          lock.release();
          closeQuietly(channel);
          continue;
        }
        return new OutputDirectory(dir, state, channel, lock, created);
      } catch (IOException e) {
        closeQuietly(channel);
        Directories.removeIfEmpty(created);
        throw new BadInputException(given, "cannot lock the output directory: " + describe(e), e);
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

  /** An input the run would replace (an output's name) or remove (anything in the state). */
  private void refuseIfPublished(Path input) throws IOException {
    if (!Files.isRegularFile(input)) {
      // Missing: the reader reports it. A pipe (--events <(...) is /dev/fd/63, a link to
      // "pipe:[...]" that has no real path) or a device is never one of the outputs.
      return;
    }
    Path real = input.toRealPath();
    Path realState = state.toRealPath();
    boolean published = real.startsWith(realState);
    for (Output o : Output.values()) {
      Path name = dir.resolve(o.fileName());
      published |= Files.exists(name) && real.equals(name.toRealPath());
    }
    if (published) {
      throw new BadInputException(
          input,
          "this input is one of the outputs of "
              + dir
              + ", which this run would replace or remove; copy it elsewhere and read the copy");
    }
  }

  /** Every output's name must be free, a file (replaced) or a link (pointed at the new set). */
  private void refuseTakenNames() {
    for (Output o : Output.values()) {
      Path name = dir.resolve(o.fileName());
      if (Files.isDirectory(name, NOFOLLOW_LINKS)) {
        throw new BadInputException(
            name,
            "a directory has the name of an output, so the outputs cannot be published as a"
                + " set; move it away");
      }
      if (Files.isRegularFile(name, NOFOLLOW_LINKS) && !Files.isWritable(name)) {
        throw new BadInputException(
            name,
            "this earlier output cannot be replaced (it is read-only or immutable), so the"
                + " outputs cannot be published as a set; make it writable or remove it");
      }
    }
  }

  /**
   * Finishes or rolls back what a killed run left: its unpublished run directory, links being made,
   * the old layout's temporary files; and links still missing after a first publish.
   */
  private void recover() throws IOException {
    Path current = state.resolve(CURRENT);
    String live = null;
    if (Files.isSymbolicLink(current)) {
      live = Files.readSymbolicLink(current).getFileName().toString();
    }
    Path runs = state.resolve(RUNS);
    if (Files.isDirectory(runs)) {
      try (DirectoryStream<Path> all = Files.newDirectoryStream(runs)) {
        for (Path run : all) {
          if (!run.getFileName().toString().equals(live)) {
            LOG.info("Removing {}, left by a run that did not finish", dir.relativize(run));
            Directories.deleteTree(run);
          }
        }
      }
    }
    Files.deleteIfExists(state.resolve(CURRENT + NEW_LINK));
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(dir, p -> isLeftover(p.getFileName().toString()))) {
      for (Path p : leftovers) {
        LOG.info("Removing {}, left by a run that did not finish", p.getFileName());
        Files.deleteIfExists(p);
      }
    }
    if (live != null) {
      for (Output o : Output.values()) {
        if (!Files.exists(dir.resolve(o.fileName()), NOFOLLOW_LINKS)
            && Files.exists(runs.resolve(live).resolve(o.fileName()))) {
          Files.createSymbolicLink(dir.resolve(o.fileName()), linkTarget(o));
        }
      }
    }
  }

  private static boolean isLeftover(String name) {
    return name.startsWith(OLD_TEMP_PREFIX)
        || (name.startsWith(".") && name.endsWith(NEW_LINK))
        || name.equals(".benefits-etl.lock");
  }

  private static Path linkTarget(Output o) {
    return Path.of(STATE, CURRENT, o.fileName());
  }

  /** The directory as given to {@link #open}, normalised. */
  public Path directory() {
    return dir;
  }

  /** This run's name: its UTC start time and a random suffix. */
  public String runId() {
    return runId;
  }

  /** Where this run writes {@code output} before publishing. */
  public Path temporaryFor(Output output) {
    if (!runDirMade) {
      try {
        Files.createDirectories(runDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      runDirMade = true;
    }
    return runDir.resolve(output.fileName());
  }

  /** The path {@code output} has once published. */
  public Path finalPath(Output output) {
    return dir.resolve(output.fileName());
  }

  /** The default place of this run's scratch files, removed when the run ends. */
  public Path defaultScratchParent() {
    return state;
  }

  /**
   * Publishes the run's outputs as one set: fsyncs them and their directories, makes sure each
   * output's name is a link into {@code current}, then points {@code current} at this run's
   * directory in one rename, and removes the previous set.
   *
   * @throws UncheckedIOException if the set cannot be published; nothing is then changed
   */
  public void publish() {
    try {
      List<Path> replace = new ArrayList<>();
      try (Stream<Path> files = Files.list(runDir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Durability.sync(f);
        }
      }
      Durability.sync(runDir);
      Durability.sync(runDir.getParent());
      List<Path> drop = new ArrayList<>();
      for (Output o : Output.values()) {
        Path name = dir.resolve(o.fileName());
        boolean ours =
            Files.isSymbolicLink(name) && Files.readSymbolicLink(name).equals(linkTarget(o));
        if (!Files.exists(runDir.resolve(o.fileName()))) {
          if (ours) {
            drop.add(name); // an output this run does not write: its link goes with the old set
          }
        } else if (!Files.exists(name, NOFOLLOW_LINKS)) {
          Files.createSymbolicLink(name, linkTarget(o)); // dangles until current points here
        } else if (!ours) {
          replace.add(name); // an earlier version's file: replaced once the new set is live
        }
      }
      Durability.sync(dir);
      TestHooks.pause("before-publish");

      Path current = state.resolve(CURRENT);
      Path previous = Files.isSymbolicLink(current) ? Files.readSymbolicLink(current) : null;
      Path next = state.resolve(CURRENT + NEW_LINK);
      Files.deleteIfExists(next);
      Files.createSymbolicLink(next, Path.of(RUNS, runId));
      Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
      Durability.sync(state);
      published = true;

      for (Path name : replace) {
        Path link = name.resolveSibling("." + name.getFileName() + NEW_LINK);
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, linkTarget(Output.forFileName(name.getFileName())));
        Files.move(link, name, StandardCopyOption.ATOMIC_MOVE);
      }
      for (Path name : drop) {
        Files.deleteIfExists(name);
      }
      if (!replace.isEmpty() || !drop.isEmpty()) {
        Durability.sync(dir);
      }
      TestHooks.pause("after-publish");
      if (previous != null && !previous.getFileName().toString().equals(runId)) {
        Directories.deleteTree(state.resolve(RUNS).resolve(previous.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          (published ? "the new outputs are published, but " : "")
              + "publishing in "
              + dir
              + " failed: "
              + describe(e),
          e);
    }
  }

  /**
   * Keeps this run's files for diagnosis in {@code .benefits-etl/failed/RUN/}, outside the
   * published set, and removes all but the {@link #FAILED_RUNS_KEPT} newest such runs.
   *
   * @return where they are
   */
  public Path keepUnpublished() {
    Path target = failedRunDirectory();
    try {
      Files.createDirectories(target.getParent());
      Files.move(runDir, target, StandardCopyOption.ATOMIC_MOVE);
      runDirMade = false;
      kept = target;
      removeOlderFailedRuns(target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "keeping the run's outputs in " + target.getParent() + " failed: " + describe(e), e);
    }
  }

  /**
   * For a run that stopped on an error: a new empty directory {@code .benefits-etl/failed/RUN/} for
   * its report, or empty when this run created the output directory (it then leaves no trace, as
   * before it began). Its unpublished outputs are not kept.
   */
  public Optional<Path> keepForFailureReport() throws IOException {
    if (created.contains(dir)) {
      return Optional.empty();
    }
    Path target = failedRunDirectory();
    Files.createDirectories(target);
    kept = target;
    removeOlderFailedRuns(target);
    return Optional.of(target);
  }

  private Path failedRunDirectory() {
    return state.resolve(FAILED).resolve(runId);
  }

  /**
   * Keeps the newest {@link #FAILED_RUNS_KEPT} failed runs. The oldest by name go, but never this
   * run's: the message names it, and a run started in the same second, or before the clock was set
   * back, may sort after it.
   */
  private void removeOlderFailedRuns(Path target) throws IOException {
    List<Path> others;
    try (Stream<Path> all = Files.list(target.getParent())) {
      others = all.filter(p -> !p.equals(target)).sorted().toList();
    }
    for (int i = 0; i < others.size() - (FAILED_RUNS_KEPT - 1); i++) {
      Directories.deleteTree(others.get(i));
    }
  }

  /**
   * Removes the run's unpublished files and the lock file, and releases the lock. If the run
   * published and kept nothing, the directories it created are removed too: a failed run leaves no
   * trace.
   */
  @Override
  public void close() {
    if (runDirMade && !published) {
      try {
        Directories.deleteTree(runDir);
      } catch (IOException e) {
        LOG.warn("Could not remove this run's unpublished files in {}: {}", runDir, describe(e));
      }
    }
    try {
      Files.deleteIfExists(state.resolve(LOCK)); // while still holding it
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", state.resolve(LOCK), describe(e));
    }
    try {
      lock.release();
    } catch (IOException e) {
      LOG.warn("Could not release {}: {}", state.resolve(LOCK), describe(e));
    }
    closeQuietly(lockChannel);
    if (!published && kept == null) {
      if (!created.isEmpty() && created.get(0).equals(state)) {
        try {
          Directories.deleteTree(
              state.resolve(RUNS)); // empty unless a killed run's were swept into it
        } catch (IOException e) {
          LOG.debug("could not remove {}", state.resolve(RUNS), e);
        }
      }
      Directories.removeIfEmpty(created);
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
