package com.benefits.etl.internal.transform;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.model.UsersTable;

/**
 * Steps 5 and 6 of docs/spec.md, section 2 as one lookup per record: from a (trimmed) user id to
 * what the join needs about that user — its index in the {@link UsersTable}, its signup date,
 * whether its country is the target one, and its rank in the {@link DailyCounts} order.
 *
 * <p>Why not {@code UsersTable.indexOf}: its {@code HashMap<String, Integer>} walks a chain of
 * dependent loads (bucket, node, key {@code String}, its bytes, the boxed index), each a likely
 * cache miss with 100,000 users, and the per-user arrays cost one more. Here an open-addressing
 * table (linear probing, load at most 0.5) holds each user in one slot of four {@code long}s: the
 * hash and user index, the rank and signup date, the id's length and flags, and the id itself when
 * it is at most 8 chars below U+0100 (one byte each); a longer or wider id is kept, two chars an
 * {@code int}, in a side array. So a lookup of a short id touches one slot. The hash is {@link
 * String#hashCode()}, which a parsed id computes once and caches, spread by a multiplicative mix;
 * equality is always checked on the chars. Immutable; safe to share once built.
 */
public final class UserIndex {
  /** Longs per slot: (hash << 32 | user + 1), (rank << 32 | signup), meta, inline chars. */
  private static final int STRIDE = 4;

  private static final int INLINE_CHARS = 8;

  /** Meta: bit 0 in country, bit 1 chars inline, bits 2-31 length, bits 32-63 side offset. */
  private static final long IN_COUNTRY = 1;

  private static final long INLINE = 2;

  private final long[] slots;
  private final int shift;
  private final int mask;
  private final int[] longIds;

  /**
   * @param users the users table
   * @param inCountry per user index, whether the user is in the target country (step 6)
   * @param daily gives each user's rank in the daily summary order
   */
  public UserIndex(UsersTable users, boolean[] inCountry, DailyCounts daily) {
    requireNonNull(users, "users is null");
    requireNonNull(inCountry, "inCountry is null");
    requireNonNull(daily, "daily is null");
    int n = users.size();
    if (inCountry.length != n) {
      throw new IllegalArgumentException(
          "inCountry has " + inCountry.length + " entries for " + n + " users");
    }
    long side = 0;
    for (int u = 0; u < n; u++) {
      String id = users.userId(u);
      if (!fitsInline(id)) {
        side += (id.length() + 1) / 2;
      }
    }
    int capacity = 16;
    while (capacity < 2L * n) {
      capacity <<= 1;
    }
    if ((long) capacity * STRIDE > Integer.MAX_VALUE - 16 || side > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many or too long user ids to index: " + n);
    }
    this.slots = new long[capacity * STRIDE];
    this.shift = 32 - Integer.numberOfTrailingZeros(capacity);
    this.mask = capacity - 1;
    this.longIds = new int[(int) side];
    int at = 0;
    for (int u = 0; u < n; u++) {
      String id = users.userId(u);
      int length = id.length();
      int hash = mix(id);
      int slot = hash >>> shift;
      while (slots[slot * STRIDE] != 0) {
        slot = (slot + 1) & mask;
      }
      int p = slot * STRIDE;
      long meta = (long) length << 2 | (inCountry[u] ? IN_COUNTRY : 0);
      if (fitsInline(id)) {
        long chars = 0;
        for (int k = 0; k < length; k++) {
          chars |= (long) id.charAt(k) << (8 * k);
        }
        meta |= INLINE;
        slots[p + 3] = chars;
      } else {
        meta |= (long) at << 32;
        for (int k = 0; k < length; k++) {
          longIds[at + (k >> 1)] |= id.charAt(k) << ((k & 1) << 4);
        }
        at += (length + 1) / 2;
      }
      slots[p] = (long) hash << 32 | (u + 1L);
      slots[p + 1] = (long) daily.rank(u) << 32 | (users.signupDate(u) & 0xFFFF_FFFFL);
      slots[p + 2] = meta;
    }
  }

  private static boolean fitsInline(String id) {
    if (id.length() > INLINE_CHARS) {
      return false;
    }
    for (int k = 0; k < id.length(); k++) {
      if (id.charAt(k) > 0xFF) {
        return false;
      }
    }
    return true;
  }

  private static int mix(String id) {
    return id.hashCode() * 0x9E3779B9;
  }

  /**
   * The entry of a (trimmed) user id, to pass to the other methods, or -1 when the user is not in
   * the table.
   */
  public int find(String userId) {
    int hash = mix(userId);
    for (int slot = hash >>> shift; ; slot = (slot + 1) & mask) {
      int p = slot * STRIDE;
      long s = slots[p];
      if (s == 0) {
        return -1;
      }
      if ((int) (s >>> 32) == hash && sameId(p, userId)) {
        return p;
      }
    }
  }

  private boolean sameId(int p, String id) {
    long meta = slots[p + 2];
    int length = id.length();
    if ((int) meta >>> 2 != length) {
      return false;
    }
    if ((meta & INLINE) != 0) {
      long chars = slots[p + 3];
      for (int k = 0; k < length; k++, chars >>>= 8) {
        if ((char) (chars & 0xFF) != id.charAt(k)) {
          return false;
        }
      }
      return true;
    }
    int q = (int) (meta >>> 32);
    int k = 0;
    for (; k + 1 < length; k += 2, q++) {
      int two = longIds[q];
      if ((char) two != id.charAt(k) || (char) (two >>> 16) != id.charAt(k + 1)) {
        return false;
      }
    }
    return k == length || (char) longIds[q] == id.charAt(k);
  }

  /** The user's index in the users table. */
  public int user(int entry) {
    return (int) slots[entry] - 1;
  }

  /** The user's rank for {@link DailyCounts#keyOfRank}. */
  public int rank(int entry) {
    return (int) (slots[entry + 1] >>> 32);
  }

  /** The signup date, days since 1970-01-01, or {@link UsersTable#NO_DATE}. */
  public int signupDate(int entry) {
    return (int) slots[entry + 1];
  }

  /** Whether the user's country is the target one. */
  public boolean inCountry(int entry) {
    return (slots[entry + 2] & IN_COUNTRY) != 0;
  }
}
