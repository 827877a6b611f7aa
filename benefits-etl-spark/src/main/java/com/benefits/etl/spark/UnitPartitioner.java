package com.benefits.etl.spark;

import java.util.Arrays;
import org.apache.spark.Partitioner;

/** Sends a record index to the partition of the {@link Unit} that holds it. */
final class UnitPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  /** Each unit's first record index, in unit order (non-decreasing). */
  private final long[] bases;

  UnitPartitioner(long[] bases) {
    this.bases = bases.clone();
  }

  @Override
  public int numPartitions() {
    return bases.length;
  }

  /** The last unit whose first index is at most {@code key}: the one holding that record. */
  @Override
  public int getPartition(Object key) {
    long index = (Long) key;
    int lo = 0;
    int hi = bases.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (bases[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnitPartitioner p && Arrays.equals(bases, p.bases);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bases);
  }
}
