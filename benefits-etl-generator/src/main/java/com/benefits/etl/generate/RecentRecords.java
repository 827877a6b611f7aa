package com.benefits.etl.generate;

import java.util.SplittableRandom;

/**
 * A fixed-size ring of recent records that passed steps 1 to 3 (docs/spec.md, section 2): the only
 * state kept to make duplicates and look-alikes, so memory stays bounded however many events are
 * written.
 */
final class RecentRecords {
  private final EventDraft[] ring;
  private int size;
  private int next;

  RecentRecords(int capacity) {
    ring = new EventDraft[capacity];
  }

  void add(EventDraft draft) {
    ring[next] = draft;
    next = (next + 1) % ring.length;
    size = Math.min(size + 1, ring.length);
  }

  boolean isEmpty() {
    return size == 0;
  }

  EventDraft random(SplittableRandom rng) {
    return ring[rng.nextInt(size)];
  }

  /** The earliest UTC day of any record held, or {@code Long.MAX_VALUE} when empty. */
  long minDay() {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, ring[i].day());
    }
    return min;
  }
}
