package com.benefits.etl.internal.write;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.RejectedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Hands clean and rejected rows to a writer thread in batches, so that reading and checking records
 * (the caller's thread) and encoding Parquet (the writer thread) use both cores. Rows keep their
 * order within each file. What is handed over but not yet written is bounded in bytes ({@link
 * #QUEUE_BYTES}, whatever the rows' sizes: a batch ends at {@link #BATCH_ROWS} rows or {@link
 * #BATCH_BYTES}), so a slow writer slows the reader instead of filling memory. Each clean row comes
 * with a {@code long} key that the writer thread also passes on (the daily aggregation's), to share
 * that work out too. At the end the writer thread also closes both files (their last row groups and
 * footers), so the caller can go on with other work once {@link #finishRows()} says every row and
 * key has been passed on.
 */
public final class AsyncEventWriter implements AutoCloseable {
  static final int BATCH_ROWS = 4096;

  /** A batch is handed over once its rows' strings reach this size. */
  static final long BATCH_BYTES = 1L << 20;

  /** At most this much is handed over and not yet written (one larger batch may wait alone). */
  static final long QUEUE_BYTES = 16L << 20;

  /** Bytes a row takes besides its strings' characters. */
  private static final int ROW_BYTES = 96;

  private static final int QUEUE_BATCHES = (int) (QUEUE_BYTES / BATCH_BYTES) + 1;

  private final ParquetTableWriter<CleanEvent> clean;
  private final ParquetTableWriter<RejectedRecord> rejects;
  private final LongConsumer cleanKeys;
  private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);

  /** Room in the queue, in KiB of batches: taken by the reader, given back by the writer. */
  private final Semaphore room = new Semaphore((int) (QUEUE_BYTES >> 10));

  private final Thread thread;

  /** Released once the writer thread has taken every row (or failed). */
  private final CountDownLatch rowsTaken = new CountDownLatch(1);

  private volatile Throwable failure;
  private volatile Throwable closeFailure;
  private volatile long writerCpuNanos;
  private long readerWaitNanos;
  private Batch batch = new Batch();
  private boolean finished;

  /** One unit of hand-off; {@link #END} marks the end of the stream. */
  private static final class Batch {
    final CleanEvent[] clean = new CleanEvent[BATCH_ROWS];
    final long[] cleanKeys = new long[BATCH_ROWS];
    final RejectedRecord[] rejected = new RejectedRecord[BATCH_ROWS];
    int cleanCount;
    int rejectedCount;
    long bytes;

    boolean full() {
      return cleanCount == BATCH_ROWS || rejectedCount == BATCH_ROWS || bytes >= BATCH_BYTES;
    }

    /** The queue room this batch takes, in KiB: at least 1, at most the whole queue. */
    int kib() {
      return (int) Math.max(1, Math.min(QUEUE_BYTES, bytes) >> 10);
    }
  }

  private static final Batch END = new Batch();

  public AsyncEventWriter(
      ParquetTableWriter<CleanEvent> clean,
      ParquetTableWriter<RejectedRecord> rejects,
      LongConsumer cleanKeys) {
    this.clean = requireNonNull(clean, "clean is null");
    this.rejects = requireNonNull(rejects, "rejects is null");
    this.cleanKeys = requireNonNull(cleanKeys, "cleanKeys is null");
    this.thread = new Thread(this::drain, "parquet-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one clean row, and its key for the writer thread to pass to {@code cleanKeys}. */
  public void clean(CleanEvent row, long key) {
    batch.bytes += ROW_BYTES + 2L * row.event().chars();
    batch.cleanKeys[batch.cleanCount] = key;
    batch.clean[batch.cleanCount++] = row;
    if (batch.full()) {
      handOff();
    }
  }

  /**
   * Queues one rejected row; the writer thread makes its detail and raw text if they are not made
   * yet, so this thread must not read them after this call.
   */
  public void reject(RejectedRecord row) {
    batch.bytes += ROW_BYTES + 2L * (row.detailChars() + row.rawLength());
    batch.rejected[batch.rejectedCount++] = row;
    if (batch.full()) {
      handOff();
    }
  }

  private void handOff() {
    put(batch);
    batch = new Batch();
  }

  private void put(Batch b) {
    try {
      long start = System.nanoTime();
      boolean waited = false;
      if (!room.tryAcquire(b.kib())) {
        waited = true;
        while (!room.tryAcquire(b.kib(), 50, TimeUnit.MILLISECONDS)) {
          rethrowFailure();
        }
      }
      if (!queue.offer(b)) {
        waited = true;
        while (!queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
          rethrowFailure();
        }
      }
      if (waited) {
        readerWaitNanos += System.nanoTime() - start;
      }
      rethrowFailure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing rows to the Parquet writer", e);
    }
  }

  private void drain() {
    try {
      for (Batch b = queue.take(); b != END; b = queue.take()) {
        for (int i = 0; i < b.cleanCount; i++) {
          clean.write(b.clean[i]);
          cleanKeys.accept(b.cleanKeys[i]);
        }
        for (int i = 0; i < b.rejectedCount; i++) {
          rejects.write(b.rejected[i]);
        }
        room.release(b.kib());
      }
    } catch (Throwable t) {
      failure = t;
      queue.clear();
    } finally {
      rowsTaken.countDown();
    }
    if (failure == null) {
      try {
        closeFiles();
      } catch (Throwable t) {
        closeFailure = t; // for finish(): finishRows() may have returned already
      }
    }
    writerCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private void closeFiles() throws IOException {
    try {
      clean.close();
    } finally {
      rejects.close();
    }
  }

  /** CPU time the writer thread used; valid after {@link #finish()}. */
  public Duration writerCpuTime() {
    return Duration.ofNanos(writerCpuNanos);
  }

  /** How long the reader waited for room in the queue: the writer was the slower side. */
  public Duration readerWaitTime() {
    return Duration.ofNanos(readerWaitNanos);
  }

  private void rethrowFailure() {
    rethrow(failure);
  }

  private static void rethrow(Throwable t) {
    if (t == null) {
      return;
    }
    if (t instanceof IOException) {
      throw new UncheckedIOException((IOException) t);
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException(t);
  }

  /**
   * Hands over the last rows and waits until the writer thread has written them and passed on every
   * clean key; it then closes both files while the caller goes on. No row may follow.
   *
   * @throws UncheckedIOException if writing failed
   */
  public void finishRows() {
    if (finished) {
      return;
    }
    finished = true;
    put(batch);
    put(END);
    try {
      rowsTaken.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Parquet writer", e);
    }
    rethrowFailure();
  }

  /**
   * {@link #finishRows()}, then waits for the writer thread to close both files.
   *
   * @throws UncheckedIOException if writing or closing failed
   */
  public void finish() {
    finishRows();
    join();
    rethrowFailure();
    rethrow(closeFailure);
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Parquet writer", e);
    }
  }

  /**
   * After a failure elsewhere, or a cancel: stops the writer thread and releases both files without
   * writing the rows they still buffer (or, once {@link #finishRows()} has run, waits for the
   * writer thread to close them); the files are left incomplete, for the caller to delete.
   */
  @Override
  public void close() throws IOException {
    if (!finished) {
      finished = true;
      thread.interrupt();
      join();
      try {
        clean.abort();
      } finally {
        rejects.abort();
      }
      return;
    }
    join();
    closeFiles(); // no-ops when the writer thread closed them
  }
}
