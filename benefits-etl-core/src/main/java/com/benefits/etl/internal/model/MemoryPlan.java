package com.benefits.etl.internal.model;

/**
 * How a run shares out the heap (docs/limits.md): what the users table may take, and what is left
 * for the deduplication keys. The rest of a run needs about {@link #RESERVE_BYTES} whatever the
 * input (Parquet row groups being written, the daily counts' buffer, the writer thread's queue, the
 * readers' buffers), so the users table may take the heap but that, and deduplication what the
 * users table leaves, up to its usual budget.
 */
public final class MemoryPlan {
  /** What a run needs besides the users table and the deduplication keys. */
  static final long RESERVE_BYTES = 224L << 20;

  /** Deduplication's budget at least: it spills to disk beyond it, and gets slower. */
  static final long MIN_DEDUP_BYTES = 16L << 20;

  private final long heapBytes;

  public MemoryPlan(long heapBytes) {
    this.heapBytes = heapBytes;
  }

  /** The plan for this JVM's heap ({@link Runtime#maxMemory()}). */
  public static MemoryPlan forThisJvm() {
    return new MemoryPlan(Runtime.getRuntime().maxMemory());
  }

  /** The most the users table may hold, while it is built too. */
  public long usersTableBytes() {
    return Math.max(MIN_DEDUP_BYTES, heapBytes - RESERVE_BYTES - MIN_DEDUP_BYTES);
  }

  /** The deduplication keys' budget next to a users table of {@code usersBytes}. */
  public long dedupBytes(long usersBytes, long usualBudget) {
    return Math.max(MIN_DEDUP_BYTES, Math.min(usualBudget, heapBytes - RESERVE_BYTES - usersBytes));
  }
}
