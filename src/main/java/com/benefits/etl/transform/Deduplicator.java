package com.benefits.etl.transform;

import com.benefits.etl.rules.DedupKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Step 4 of SPEC section 2: remembers the first record index of every {@link DedupKey} seen, so a
 * later record with the same key is reported as a duplicate of that record. Exact: keys are
 * compared in full, so a hash collision can never drop a record.
 */
public final class Deduplicator {
  private final Map<DedupKey, Long> firstIndex = new HashMap<>();

  /**
   * Records {@code key} as seen at {@code index} unless it was seen before.
   *
   * @return the index of the earlier record with the same key, or -1 if this is the first
   */
  public long firstSeen(DedupKey key, long index) {
    Long earlier = firstIndex.putIfAbsent(key, index);
    return earlier == null ? -1 : earlier;
  }

  /** How many distinct keys are held. */
  public int size() {
    return firstIndex.size();
  }
}
