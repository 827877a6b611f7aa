package com.benefits.etl.generate;

import java.util.Arrays;

/** A set of non-negative ints, open addressing: no boxing on the hot path. */
final class IntSet {
  private static final int FREE = -1;
  private int[] slots = newSlots(16);
  private int size;

  /** Adds {@code value} (0 or more). */
  void add(int value) {
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    if (insert(slots, value)) {
      size++;
    }
  }

  int size() {
    return size;
  }

  private static boolean insert(int[] table, int value) {
    int mask = table.length - 1;
    int h = value * 0x9E3779B9;
    int i = (h ^ (h >>> 16)) & mask;
    while (table[i] != FREE) {
      if (table[i] == value) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = value;
    return true;
  }

  private void grow() {
    int[] bigger = newSlots(slots.length * 2);
    for (int v : slots) {
      if (v != FREE) {
        insert(bigger, v);
      }
    }
    slots = bigger;
  }

  private static int[] newSlots(int n) {
    int[] table = new int[n];
    Arrays.fill(table, FREE);
    return table;
  }
}
