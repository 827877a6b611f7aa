package com.benefits.etl.internal.transform;

import com.benefits.etl.internal.model.AsciiText;
import com.benefits.etl.internal.model.ValidEvent;
import com.benefits.etl.internal.rules.DedupKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Step 4 of docs/spec.md, section 2: remembers the first record index of every {@link DedupKey}
 * seen, so a later record with the same key is reported as a duplicate of that record.
 *
 * <p>Exact in bounded memory. Each new key is encoded injectively ({@link KeyEncoder}) and appended
 * with its record index to a key log on disk (through an in-memory tail buffer). In memory,
 * open-addressing tables (linear probing, load at most 0.75) hold one {@code long} a slot: the top
 * 30 bits of the key's 64-bit hash, which also pick its home slot, and its log entry's offset (34
 * bits, in 8-byte units: a log up to 128 GiB). A hash match is only a candidate: the logged key is
 * read back and compared byte for byte, so a collision never turns a new key into a duplicate or
 * the reverse.
 *
 * <p>The keys are split into up to 1,024 partitions by their {@link DedupKey#locality()} (the
 * calendar day written at the start of their timestamp text; equal keys always share one), each
 * with its own table. Event files mostly run in time order, so the records in a stretch of the file
 * look up one or two small tables that stay in the caches, instead of reading one large table at
 * random (a cache and TLB miss each time: on 10M events, 2 s less CPU on the reading thread). Files
 * in any other order cost what one table would.
 *
 * <p>When the tables together would outgrow the memory budget they are spilled: each written as is
 * to a run file, with a Bloom filter of its hash bits (about 10 bits a key, kept in memory) so a
 * lookup reads a run only when the filter lets it through; then the tables start empty again. A
 * lookup checks its partition's table, then the partition's runs, newest first.
 *
 * <p>Memory: the budget covers the tail buffer and the tables, including the moment one is being
 * doubled (old and new arrays). 10.7 to 21.3 bytes a key while nothing has spilled (8 bytes a
 * slot), plus 1.25 bytes a spilled key for the Bloom filters, outside the budget. Not thread-safe.
 */
public final class Deduplicator implements AutoCloseable {
  /**
   * A budget of 248 MiB of tables (and an 8 MiB log tail): some 12 to 24 million distinct keys stay
   * in memory, as full as the partitions' tables happen to be, before the tables spill.
   */
  public static final long DEFAULT_MEMORY_BUDGET_BYTES = 256L << 20;

  private static final int MAX_TAIL_BYTES = 8 << 20;
  private static final int MIN_TAIL_BYTES = 256;
  private static final int MIN_CAPACITY = 16;

  /** A partition's first table: small, since a thousand of them may be in use. */
  private static final int INITIAL_CAPACITY = 64;

  private static final int MAX_PARTITIONS = 1024;

  /** Low bits of a slot: the log offset / 8, plus 1 so that 0 means empty. */
  private static final int OFFSET_BITS = 34;

  private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
  private static final int MAX_CAPACITY = 1 << (64 - OFFSET_BITS);
  private static final int RUN_READ_SLOTS = 64;

  private final Path logPath;
  private final Path runsPath;
  private final KeyHash hasher;
  private final long tableBudget;
  private final KeyEncoder encoder = new KeyEncoder();
  private final AsciiText timestampView = new AsciiText();
  private final KeyLog log;
  private final FileChannel runsChannel;
  private final ByteBuffer runBuffer =
      ByteBuffer.allocate(8 * RUN_READ_SLOTS).order(ByteOrder.LITTLE_ENDIAN);

  /** Created when first used; {@code partitions.length} is a power of two. */
  private final Partition[] partitions;

  private final int initialCapacity;

  /** Slots of every partition's table, for the budget. */
  private long slotsInMemory;

  /** Keys in the tables (not yet spilled). */
  private long keysInMemory;

  private int runCount;
  private long runsEnd;
  private long spilledKeys;
  private boolean closed;

  /** A spilled table: {@code capacity} slots at {@code position} in the runs file. */
  private record Run(long position, int capacity, BloomFilter bloom) {}

  /** The keys of one partition: a table in memory, and the runs it was spilled to. */
  private static final class Partition {
    long[] table;
    int size;
    final List<Run> runs = new ArrayList<>(0);

    Partition(int capacity) {
      table = new long[capacity];
    }
  }

  /**
   * @param keyLog a file path the store may create (and its siblings with suffixes) for its log and
   *     runs; deleted on {@link #close()}
   * @param memoryBudgetBytes cap for the in-memory state (tail buffer and table, at least 1 KiB)
   */
  public Deduplicator(Path keyLog, long memoryBudgetBytes) {
    this(keyLog, memoryBudgetBytes, KeyHash.DEFAULT);
  }

  Deduplicator(Path keyLog, long memoryBudgetBytes, KeyHash hasher) {
    if (memoryBudgetBytes < 1024) {
      throw new IllegalArgumentException("memory budget under 1 KiB: " + memoryBudgetBytes);
    }
    this.logPath = keyLog;
    this.runsPath = keyLog.resolveSibling(keyLog.getFileName() + ".runs");
    this.hasher = hasher;
    int tailBytes =
        (int) Math.max(MIN_TAIL_BYTES, Math.min(MAX_TAIL_BYTES, memoryBudgetBytes / 16));
    this.tableBudget = memoryBudgetBytes - tailBytes;
    int capacity = INITIAL_CAPACITY;
    while (capacity > MIN_CAPACITY && 8L * capacity > tableBudget) {
      capacity >>= 1;
    }
    this.initialCapacity = capacity;
    // Room for every partition's table to double twice within the budget.
    int count = MAX_PARTITIONS;
    while (count > 1 && 32L * count * capacity > tableBudget) {
      count >>= 1;
    }
    this.partitions = new Partition[count];
    KeyLog openedLog = null;
    try {
      openedLog = new KeyLog(logPath, tailBytes);
      this.runsChannel =
          FileChannel.open(
              runsPath,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      try {
        if (openedLog != null) {
          openedLog.close();
        }
        Files.deleteIfExists(logPath);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new UncheckedIOException(e);
    }
    this.log = openedLog;
  }

  /** The partition of a key's {@link DedupKey#locality()}: equal keys always share one. */
  private Partition partition(int ordinal) {
    int i = ordinal & (partitions.length - 1);
    Partition p = partitions[i];
    if (p == null) {
      p = new Partition(initialCapacity);
      partitions[i] = p;
      slotsInMemory += initialCapacity;
    }
    return p;
  }

  /**
   * The index of the first record seen with {@code key}, or -1 when it is new (it is then
   * remembered with {@code index}).
   */
  public long firstSeen(DedupKey key, long index) {
    checkOpen();
    return firstSeen(encoder.encode(key), key.locality(), index);
  }

  /** {@link #firstSeen(DedupKey, long)} for {@code event.dedupKey()}, without making the key. */
  public long firstSeen(ValidEvent event, long index) {
    checkOpen();
    return firstSeen(encoder.encode(event), event.dedupLocality(timestampView), index);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
  }

  /** The key whose encoding {@link #encoder} holds ({@code length} bytes). */
  private long firstSeen(int length, int locality, long index) {
    byte[] bytes = encoder.bytes();
    long hash = hasher.hash(bytes, length);
    Partition partition = partition(locality);
    try {
      long earlier = findInTable(partition.table, hash, bytes, length);
      for (int r = partition.runs.size() - 1; earlier < 0 && r >= 0; r--) { // newest first
        Run run = partition.runs.get(r);
        if (run.bloom().mightContain(hash >>> OFFSET_BITS)) {
          earlier = findInRun(run, hash, bytes, length);
        }
      }
      if (earlier >= 0) {
        return earlier;
      }
      if (partition.size >= maxSize(partition.table.length)) {
        growOrSpill(partition);
      }
      long offset = log.append(index, bytes, length);
      if (offset / KeyLog.ALIGNMENT + 1 > OFFSET_MASK) {
        throw new IllegalStateException("key log over 128 GiB");
      }
      insert(
          partition.table, (hash >>> OFFSET_BITS << OFFSET_BITS) | (offset / KeyLog.ALIGNMENT + 1));
      partition.size++;
      keysInMemory++;
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many distinct keys are held. */
  public long size() {
    return spilledKeys + keysInMemory;
  }

  /** Closes and deletes every file this store created. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Arrays.fill(partitions, null);
    IOException failure = null;
    for (AutoCloseableIo step :
        List.<AutoCloseableIo>of(
            log::close,
            runsChannel::close,
            () -> Files.deleteIfExists(logPath),
            () -> Files.deleteIfExists(runsPath))) {
      try {
        step.run();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw new UncheckedIOException(failure);
    }
  }

  /** How many runs have been spilled (for tests). */
  int runCount() {
    return runCount;
  }

  /** How many partitions the keys are split into (for tests). */
  int partitionCount() {
    return partitions.length;
  }

  /** The key log (for tests). */
  KeyLog log() {
    return log;
  }

  private interface AutoCloseableIo {
    void run() throws IOException;
  }

  /** The home slot of a hash (or of a slot, which keeps the hash's top bits) in a table. */
  private static int home(long hash, int capacity) {
    return (int) (hash >>> (64 - Integer.numberOfTrailingZeros(capacity)));
  }

  private static boolean sameTag(long slot, long hash) {
    return (slot ^ hash) >>> OFFSET_BITS == 0;
  }

  private static long logOffset(long slot) {
    return ((slot & OFFSET_MASK) - 1) * KeyLog.ALIGNMENT;
  }

  private static void insert(long[] table, long slotValue) {
    int mask = table.length - 1;
    int slot = home(slotValue, table.length);
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = slotValue;
  }

  private long findInTable(long[] table, long hash, byte[] bytes, int length) throws IOException {
    int mask = table.length - 1;
    for (int slot = home(hash, table.length); ; slot = (slot + 1) & mask) {
      long s = table[slot];
      if (s == 0) {
        return -1;
      }
      long earlier = earlierIndexIfSameKey(s, hash, bytes, length);
      if (earlier >= 0) {
        return earlier;
      }
    }
  }

  /** The logged record index when slot value {@code s} holds this very key, else -1. */
  private long earlierIndexIfSameKey(long s, long hash, byte[] bytes, int length)
      throws IOException {
    return sameTag(s, hash) ? log.indexIfEqual(logOffset(s), bytes, length) : -1;
  }

  private long findInRun(Run run, long hash, byte[] bytes, int length) throws IOException {
    int mask = run.capacity() - 1;
    int slot = home(hash, run.capacity());
    while (true) {
      int n = Math.min(RUN_READ_SLOTS, run.capacity() - slot);
      ByteBuffer b = runBuffer.clear().limit(8 * n);
      long at = run.position() + 8L * slot;
      while (b.hasRemaining()) {
        if (runsChannel.read(b, at + b.position()) < 0) {
          throw new IOException("run file truncated");
        }
      }
      for (int i = 0; i < n; i++) {
        long s = b.getLong(8 * i);
        if (s == 0) {
          return -1;
        }
        long earlier = earlierIndexIfSameKey(s, hash, bytes, length);
        if (earlier >= 0) {
          return earlier;
        }
      }
      slot = (slot + n) & mask;
    }
  }

  private static int maxSize(int capacity) {
    return capacity - (capacity >>> 2); // load 0.75
  }

  /**
   * Doubles the partition's table if the old and new arrays fit the budget with every other table,
   * else spills every table.
   */
  private void growOrSpill(Partition partition) throws IOException {
    long[] table = partition.table;
    long doubled = 2L * table.length;
    if (doubled <= MAX_CAPACITY && 8L * (slotsInMemory + doubled) <= tableBudget) {
      long[] fresh = new long[(int) doubled];
      for (long s : table) {
        if (s != 0) {
          insert(fresh, s); // the slot keeps the hash bits that pick the new home
        }
      }
      partition.table = fresh;
      slotsInMemory += doubled - table.length;
    } else {
      spill();
    }
  }

  /**
   * Writes each partition's table as is to the runs file, keeps a Bloom filter of it, and starts
   * the partition again with a small empty table.
   */
  private void spill() throws IOException {
    ByteBuffer out = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (Partition partition : partitions) {
      if (partition == null || partition.size == 0) {
        continue;
      }
      long[] table = partition.table;
      BloomFilter bloom = new BloomFilter(partition.size);
      long position = runsEnd;
      for (int i = 0; i < table.length; ) {
        out.clear();
        while (out.hasRemaining() && i < table.length) {
          long s = table[i++];
          if (s != 0) {
            bloom.add(s >>> OFFSET_BITS);
          }
          out.putLong(s);
        }
        out.flip();
        while (out.hasRemaining()) {
          runsEnd += runsChannel.write(out, runsEnd);
        }
      }
      partition.runs.add(new Run(position, table.length, bloom));
      runCount++;
      spilledKeys += partition.size;
      keysInMemory -= partition.size;
      slotsInMemory -= table.length - initialCapacity;
      partition.table = new long[initialCapacity];
      partition.size = 0;
    }
  }
}
