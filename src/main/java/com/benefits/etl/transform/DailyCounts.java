package com.benefits.etl.transform;

import com.benefits.etl.model.DailyCount;
import com.benefits.etl.model.UsersTable;
import com.benefits.etl.rules.CivilDate;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The daily aggregation (SPEC 3.2): events per (user, UTC date) of the clean events. Keyed by the
 * user's dense index from the {@link UsersTable} and the date packed into one long, counted in an
 * open-addressing table of primitives, so memory is 16 bytes a slot whatever the event count.
 */
public final class DailyCounts {
  private static final long EMPTY = -1L;

  private long[] keys = new long[1 << 12];
  private long[] counts = new long[1 << 12];
  private int size;

  public DailyCounts() {
    Arrays.fill(keys, EMPTY);
  }

  /** Counts one clean event of user {@code userIndex} on {@code epochDay}. */
  public void add(int userIndex, int epochDay) {
    long key = pack(userIndex, epochDay);
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        counts[slot]++;
        return;
      }
      if (k == EMPTY) {
        keys[slot] = key;
        counts[slot] = 1;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Number of distinct (user, date) pairs: the row count of the daily summary. */
  public int size() {
    return size;
  }

  /**
   * Emits one row per (user, date) ordered by user id (Unicode code point order) then date.
   */
  public void forEachSorted(UsersTable users, Consumer<DailyCount> sink) {
    int[] rank = users.codePointRanks();
    int[] userByRank = new int[rank.length];
    for (int u = 0; u < rank.length; u++) {
      userByRank[rank[u]] = u;
    }
    long[] sorted = new long[size];
    int n = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        sorted[n++] = pack(rank[userOf(keys[slot])], dayOf(keys[slot]));
      }
    }
    Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      long k = sorted[i];
      int user = userByRank[userOf(k)];
      int day = dayOf(k);
      sink.accept(new DailyCount(users.userId(user), day, get(pack(user, day))));
    }
  }

  private long get(long key) {
    int mask = keys.length - 1;
    int slot = mix(key) & mask;
    while (keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return counts[slot];
  }

  /** User in the high 32 bits, days from 0001-01-01 in the low 32 (never negative). */
  private static long pack(int user, int epochDay) {
    return ((long) user << 32) | (epochDay - (long) CivilDate.MIN_EPOCH_DAY);
  }

  private static int userOf(long key) {
    return (int) (key >>> 32);
  }

  private static int dayOf(long key) {
    return (int) ((key & 0xFFFF_FFFFL) + CivilDate.MIN_EPOCH_DAY);
  }

  private static int mix(long key) {
    long h = key * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }
}
