package com.benefits.etl.internal.transform;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.model.UsersTable;
import com.benefits.etl.internal.rules.CivilDate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The daily aggregation (docs/spec.md 3.2): events per (user, UTC date) of the clean events,
 * emitted in the summary's order (user id by Unicode code point, then date) in bounded memory.
 *
 * <p>Each clean event adds one {@code long} key — the user's rank in code-point order in the high
 * 32 bits, the date in the low 32 — to a buffer. A full buffer is sorted, collapsed into (key,
 * count) pairs and written to a run file; at the end the runs and the last buffer are merged.
 * Because the key's numeric order is the summary's order, the merge emits rows already sorted.
 * Memory is the buffer (it grows from 65,536 keys up to its limit as events come), and a scratch
 * array as large for the radix sort ({@link LongRadixSort}), whatever the number of events; disk is
 * at most 16 bytes per clean event.
 */
public final class DailyCounts implements AutoCloseable {
  /** Bytes of a run file read or written at a time: 4,096 (key, count) pairs. */
  private static final int IO_BYTES = 1 << 16;

  /** Keys held in memory before a run is written: 32 MiB, and as much again to sort them. */
  public static final int DEFAULT_BUFFER_KEYS = 4 << 20;

  /** The first buffer's keys: it doubles up to the limit as events come. */
  private static final int FIRST_BUFFER_KEYS = 1 << 16;

  private final UsersTable users;
  private final Path spillPrefix;
  private final int bufferKeys;
  private long[] buffer;

  /** {@link LongRadixSort}'s working space, allocated at the first sort that needs it. */
  private long[] scratch = new long[0];

  private int buffered;
  private final List<Path> runs = new ArrayList<>();
  private long rows = -1;

  /**
   * @param spillPrefix run files are this path with ".0", ".1", … appended; deleted by {@link
   *     #close()}
   */
  public DailyCounts(UsersTable users, Path spillPrefix, int bufferKeys) {
    this.users = requireNonNull(users, "users is null");
    this.spillPrefix = requireNonNull(spillPrefix, "spillPrefix is null");
    if (bufferKeys < 1) {
      throw new IllegalArgumentException("bufferKeys is " + bufferKeys + ", expected 1 or more");
    }
    this.bufferKeys = bufferKeys;
    this.buffer = new long[Math.min(bufferKeys, FIRST_BUFFER_KEYS)];
  }

  /** The key of one clean event of the user of rank {@code rank} ({@link UsersTable#rank}). */
  public static long keyOfRank(int rank, int epochDay) {
    return ((long) rank << 32) | (epochDay - (long) CivilDate.MIN_EPOCH_DAY);
  }

  /** Counts one clean event, given its {@link #keyOfRank key}. */
  public void add(long key) {
    if (buffered == buffer.length) {
      if (buffer.length < bufferKeys) {
        buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, bufferKeys));
      } else {
        spill();
      }
    }
    buffer[buffered++] = key;
  }

  private void sortBuffer() {
    if (buffered >= LongRadixSort.MIN_RADIX_KEYS && scratch.length < buffered) {
      scratch = new long[buffered];
    }
    LongRadixSort.sort(buffer, buffered, scratch);
  }

  private void spill() {
    sortBuffer();
    Path run = spillPrefix.resolveSibling(spillPrefix.getFileName() + "." + runs.size());
    runs.add(run);
    // Whole buffers through a channel: DataOutputStream's call per long cost twice the time.
    ByteBuffer out = ByteBuffer.allocate(IO_BYTES);
    try (FileChannel channel =
        FileChannel.open(
            run,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (int i = 0; i < buffered; ) {
        long key = buffer[i];
        int j = i;
        while (j < buffered && buffer[j] == key) {
          j++;
        }
        if (out.remaining() < 16) {
          writeAll(out, channel);
        }
        out.putLong(key).putLong(j - i);
        i = j;
      }
      writeAll(out, channel);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffered = 0;
  }

  /**
   * Emits one row per (user, date), in order, summing the counts of every run.
   *
   * @return the number of rows emitted
   */
  public long forEachSorted(Consumer<DailyCount> sink) {
    sortBuffer();
    List<Source> sources = new ArrayList<>();
    try {
      sources.add(new BufferSource(buffer, buffered));
      for (Path run : runs) {
        sources.add(new RunSource(run));
      }
      // A merge by linear scan: there are few sources (one, plus a run per 4M clean events), and
      // a scan of their heads costs less than a priority queue's calls per row.
      Source[] live = new Source[sources.size()];
      int n = 0;
      for (Source s : sources) {
        if (s.advance()) {
          live[n++] = s;
        }
      }
      long emitted = 0;
      int lastUser = -1;
      String userId = null; // the last user's, made once for all of their days
      while (n > 0) {
        long key = live[0].key;
        for (int i = 1; i < n; i++) {
          key = Math.min(key, live[i].key);
        }
        long count = 0;
        for (int i = 0; i < n; ) {
          Source s = live[i];
          if (s.key != key) {
            i++;
            continue;
          }
          count += s.count;
          if (s.advance()) {
            i++;
          } else {
            live[i] = live[--n]; // its order does not matter
          }
        }
        int user = users.handleOfRank((int) (key >>> 32));
        if (user != lastUser) {
          lastUser = user;
          userId = users.userId(user);
        }
        int day = (int) ((key & 0xFFFF_FFFFL) + CivilDate.MIN_EPOCH_DAY);
        sink.accept(new DailyCount(userId, day, count));
        emitted++;
      }
      rows = emitted;
      return emitted;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (Source s : sources) {
        s.close();
      }
    }
  }

  private static void writeAll(ByteBuffer out, FileChannel channel) throws IOException {
    out.flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
    out.clear();
  }

  /** Rows emitted by {@link #forEachSorted}, or -1 before it ran. */
  public long rows() {
    return rows;
  }

  /** Deletes the run files. */
  @Override
  public void close() {
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    runs.clear();
  }

  /** A sorted stream of (key, count) pairs. */
  private abstract static class Source {
    long key;
    long count;

    abstract boolean advance() throws IOException;

    void close() {}
  }

  /** The last, never-spilled buffer: sorted keys, one per event. */
  private static final class BufferSource extends Source {
    private final long[] keys;
    private final int length;
    private int pos;

    BufferSource(long[] keys, int length) {
      this.keys = keys;
      this.length = length;
    }

    @Override
    boolean advance() {
      if (pos == length) {
        return false;
      }
      key = keys[pos];
      int end = pos;
      while (end < length && keys[end] == key) {
        end++;
      }
      count = end - pos;
      pos = end;
      return true;
    }
  }

  /** A run file of (key, count) pairs. */
  private static final class RunSource extends Source {
    private final Path run;
    private final FileChannel in;
    private final ByteBuffer buffer = ByteBuffer.allocate(IO_BYTES).limit(0);

    RunSource(Path run) throws IOException {
      this.run = run;
      this.in = FileChannel.open(run, StandardOpenOption.READ);
    }

    @Override
    boolean advance() throws IOException {
      if (buffer.remaining() < 16) {
        buffer.compact();
        while (buffer.hasRemaining() && in.read(buffer) >= 0) {
          // fill the buffer, or reach the end of the run
        }
        buffer.flip();
        if (buffer.remaining() < 16) {
          if (buffer.hasRemaining()) {
            throw new IOException(run + ": run file cut short");
          }
          return false;
        }
      }
      key = buffer.getLong();
      count = buffer.getLong();
      return true;
    }

    @Override
    void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
