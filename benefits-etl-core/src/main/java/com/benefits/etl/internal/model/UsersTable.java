package com.benefits.etl.internal.model;

import com.benefits.etl.UsersStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The users file as the join needs it (docs/spec.md 1.2, steps 5 and 6), in compact storage: no
 * object per user, so ten million users fit in a few hundred megabytes (docs/limits.md).
 *
 * <p>Each user is one record in 1 MiB byte chunks: its rank (the position of its id in Unicode code
 * point order, which is UTF-8 byte order: the daily summary's order), its signup date, its country
 * as a small code, and its id in UTF-8. A user is named by a <em>handle</em>, its record's
 * position. An open-addressing table of {@code long}s (the id's hash and the handle) finds a user
 * from an id as an event gives it: by its {@link String#hashCode()}, which a parsed string computes
 * once, then the id's characters compared with the record's bytes. So a lookup touches two cache
 * lines, the slot and the record, which holds all the join needs.
 *
 * <p>Built row by row by {@link Builder} (the first row of a repeated id wins); immutable after,
 * and safe to share between threads.
 */
public final class UsersTable {
  /** Stored as the signup date when it is unknown. */
  public static final int NO_DATE = Integer.MIN_VALUE;

  /** The longest user id kept, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 0xFFFF;

  static final int CHUNK_BITS = 20;
  static final int CHUNK_BYTES = 1 << CHUNK_BITS;

  /** A record: rank (int), signup date (int), country code (short), id length (short), id. */
  private static final int RANK = 0;

  private static final int SIGNUP = 4;
  private static final int COUNTRY = 8;
  private static final int LENGTH = 10;
  private static final int ID = 12;

  /** Slots per user at most: the table doubles past this load. */
  private static final double MAX_LOAD = 0.6;

  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

  private final byte[][] chunks;
  private final long[] slots;
  private final int mask;

  /** Handles in rank order. */
  private final int[] byRank;

  /** Country names by code; code 0 is no country. */
  private final String[] countries;

  private final UsersStats stats;

  private UsersTable(Builder b, int[] byRank) {
    this.chunks = b.chunks.toArray(byte[][]::new);
    this.slots = b.slots;
    this.mask = b.slots.length - 1;
    this.byRank = byRank;
    this.countries = b.countries.toArray(String[]::new);
    this.stats = new UsersStats(b.rows, b.size, b.blankIds, b.duplicateIds, b.invalidSignupDates);
    for (int r = 0; r < byRank.length; r++) {
      int h = byRank[r];
      INT.set(chunks[h >>> CHUNK_BITS], offset(h) + RANK, r);
    }
  }

  /** A builder with no byte budget. */
  public static Builder builder() {
    return new Builder(Long.MAX_VALUE);
  }

  /**
   * A builder whose table, and what building it takes, may hold at most {@code maxBytes} of heap.
   */
  public static Builder builder(long maxBytes) {
    return new Builder(maxBytes);
  }

  /** How many users: distinct non-blank ids. */
  public int size() {
    return byRank.length;
  }

  public UsersStats stats() {
    return stats;
  }

  /** The heap the table holds, in bytes. */
  public long bytes() {
    return ((long) chunks.length << CHUNK_BITS) + slots.length * 8L + byRank.length * 4L;
  }

  /** The handle of a (trimmed) user id, or -1 when no user has it. */
  public int find(CharSequence userId) {
    int hash = mix(AsciiText.stringHash(userId));
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long s = slots[slot];
      if (s == 0) {
        return -1;
      }
      if ((int) (s >>> 32) == hash) {
        int h = (int) s - 1;
        if (sameId(chunks[h >>> CHUNK_BITS], h, userId)) {
          return h;
        }
      }
    }
  }

  /**
   * {@link #find} for the user ids of the first {@code n} of {@code events} at once (a null event
   * finds nothing): the same handles, into {@code handles}, but the home slots of all the ids are
   * read first, then the records those slots point to, and only then are the ids compared, so that
   * the cache misses of the batch overlap instead of coming one after another. An event in the byte
   * form is looked up by its bytes. {@code scratch} holds at least {@code n} values.
   */
  public void findAll(ValidEvent[] events, int n, int[] handles, long[] scratch) {
    for (int j = 0; j < n; j++) {
      ValidEvent e = events[j];
      if (e != null) {
        int hash = mix(idHash(e));
        handles[j] = hash;
        scratch[j] = slots[hash & mask]; // independent reads: their misses overlap
      }
    }
    for (int j = 0; j < n; j++) {
      long s = scratch[j];
      if (events[j] != null && s != 0) {
        int h = (int) s - 1;
        // The record's id length, when the home slot's hash matches (its first read of the
        // record); -1 to probe on from the home slot.
        scratch[j] =
            (int) (s >>> 32) == handles[j]
                ? (long) (idLength(chunks[h >>> CHUNK_BITS], h) + 1) << 32 | (h & 0xFFFFFFFFL)
                : -1;
      }
    }
    for (int j = 0; j < n; j++) {
      ValidEvent e = events[j];
      long t = scratch[j];
      if (e == null || t == 0) {
        handles[j] = -1; // no id, or an empty home slot
      } else {
        int h = (int) t;
        handles[j] =
            t > 0 && sameId(chunks[h >>> CHUNK_BITS], idOffset(h), (int) (t >>> 32) - 1, e)
                ? h
                : find(e.userIdText());
      }
    }
  }

  /** {@link String#hashCode()} of the event's user id. */
  private static int idHash(ValidEvent e) {
    return e.inByteForm()
        ? AsciiText.stringHash(e.bytes(), 0, e.length(ValidEvent.USER_ID))
        : e.userId().hashCode();
  }

  /**
   * Whether the {@code length} bytes at {@code offset} in {@code chunk} are the event's user id.
   */
  private static boolean sameId(byte[] chunk, int offset, int length, ValidEvent e) {
    return e.inByteForm()
        ? Arrays.equals(chunk, offset, offset + length, e.bytes(), 0, e.length(ValidEvent.USER_ID))
        : Utf8Text.equals(chunk, offset, length, e.userId());
  }

  /** The handle of the user of rank {@code rank} (0 to {@link #size()} - 1). */
  public int handleOfRank(int rank) {
    return byRank[rank];
  }

  /** The user's rank: the position of its id in code-point (UTF-8 byte) order, from 0. */
  public int rank(int handle) {
    return (int) INT.get(chunks[handle >>> CHUNK_BITS], offset(handle) + RANK);
  }

  /** The user's id. */
  public String userId(int handle) {
    byte[] chunk = chunks[handle >>> CHUNK_BITS];
    return new String(chunk, offset(handle) + ID, idLength(chunk, handle), StandardCharsets.UTF_8);
  }

  /** Days since 1970-01-01, or {@link #NO_DATE}. */
  public int signupDate(int handle) {
    return (int) INT.get(chunks[handle >>> CHUNK_BITS], offset(handle) + SIGNUP);
  }

  /** The user's country code, to compare with {@link #countryCode(String)}; 0 for none. */
  public int countryCode(int handle) {
    return (short) SHORT.get(chunks[handle >>> CHUNK_BITS], offset(handle) + COUNTRY) & 0xFFFF;
  }

  /** The normalised country, or null when blank. */
  public String country(int handle) {
    return countries[countryCode(handle)];
  }

  /** The code of a normalised country, or -1 when no user has it. */
  public int countryCode(String country) {
    for (int c = 1; c < countries.length; c++) {
      if (countries[c].equals(country)) {
        return c;
      }
    }
    return -1;
  }

  static int offset(int handle) {
    return handle & (CHUNK_BYTES - 1);
  }

  static int idOffset(int handle) {
    return offset(handle) + ID;
  }

  static int idLength(byte[] chunk, int handle) {
    return (short) SHORT.get(chunk, offset(handle) + LENGTH) & 0xFFFF;
  }

  private static boolean sameId(byte[] chunk, int handle, CharSequence id) {
    return Utf8Text.equals(chunk, idOffset(handle), idLength(chunk, handle), id);
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 15);
  }

  @Override
  public String toString() {
    return "UsersTable[" + size() + " users, " + (bytes() >> 10) + " KiB]";
  }

  /** Thrown by {@link Builder#add} when the table would grow past its byte budget. */
  public static final class TooManyUsersException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyUsersException(String message) {
      super(message);
    }
  }

  /** Adds rows in file order; the first row of a repeated id wins (docs/spec.md 1.2). */
  public static final class Builder {
    private final long maxBytes;
    private final List<byte[]> chunks = new ArrayList<>();
    private final List<String> countries = new ArrayList<>();
    private final Map<String, Integer> countryCodes = new HashMap<>();
    private long[] slots = new long[1024];

    /** How many bytes of each full chunk hold records. */
    private final List<Integer> chunkEnds = new ArrayList<>();

    private byte[] chunk;
    private int pos;
    private int size;
    private long rows;
    private long blankIds;
    private long duplicateIds;
    private long invalidSignupDates;

    private Builder(long maxBytes) {
      this.maxBytes = maxBytes;
      countries.add(null); // code 0: no country
    }

    /**
     * Adds one data row.
     *
     * @param userId the trimmed id, or null when blank
     * @param signupDate days since 1970-01-01, or {@link #NO_DATE}
     * @param signupDateInvalid true when the file had a value that is not a date
     * @param country the normalised country, or null
     * @return true when the row was added, false when skipped (blank or repeated id)
     * @throws TooManyUsersException when the table would outgrow its byte budget
     * @throws IllegalArgumentException for an id longer than {@link #MAX_ID_BYTES}, or a 65,536th
     *     distinct country
     */
    public boolean add(String userId, int signupDate, boolean signupDateInvalid, String country) {
      rows++;
      if (userId == null) {
        blankIds++;
        return false;
      }
      int hash = mix(userId.hashCode());
      int mask = slots.length - 1;
      int slot = hash & mask;
      for (long s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
        int h = (int) s - 1;
        if ((int) (s >>> 32) == hash && sameId(chunks.get(h >>> CHUNK_BITS), h, userId)) {
          duplicateIds++;
          return false;
        }
      }
      byte[] id = userId.getBytes(StandardCharsets.UTF_8);
      if (id.length > MAX_ID_BYTES) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "a user_id of %,d bytes; at most %,d are read (docs/limits.md)",
                id.length,
                MAX_ID_BYTES));
      }
      int code = code(country);
      if (signupDateInvalid) {
        invalidSignupDates++;
      }
      int handle = append(id, signupDate, code);
      slots[slot] = (long) hash << 32 | (handle + 1L);
      size++;
      if (size > slots.length * MAX_LOAD) {
        grow();
      }
      return true;
    }

    private int code(String country) {
      if (country == null) {
        return 0;
      }
      Integer code = countryCodes.get(country);
      if (code == null) {
        if (countries.size() > 0xFFFF) {
          throw new IllegalArgumentException(
              "more than 65,535 distinct countries (docs/limits.md)");
        }
        code = countries.size();
        countries.add(country);
        countryCodes.put(country, code);
      }
      return code;
    }

    private int append(byte[] id, int signupDate, int country) {
      int need = ID + id.length;
      if (chunk == null || pos + need > CHUNK_BYTES) {
        if ((long) (chunks.size() + 1) << CHUNK_BITS > Integer.MAX_VALUE) {
          throw new TooManyUsersException(
              "the users' records total more than 2 GiB (docs/limits.md)");
        }
        checkBudget(CHUNK_BYTES);
        if (chunk != null) {
          chunkEnds.add(pos);
        }
        chunk = new byte[CHUNK_BYTES];
        chunks.add(chunk);
        pos = 0;
      }
      int handle = (chunks.size() - 1) << CHUNK_BITS | pos;
      INT.set(chunk, pos + SIGNUP, signupDate);
      SHORT.set(chunk, pos + COUNTRY, (short) country);
      SHORT.set(chunk, pos + LENGTH, (short) id.length);
      System.arraycopy(id, 0, chunk, pos + ID, id.length);
      pos += need;
      return handle;
    }

    private void grow() {
      checkBudget(slots.length * 2L * 8);
      long[] bigger = new long[slots.length * 2];
      int mask = bigger.length - 1;
      for (long s : slots) {
        if (s != 0) {
          int slot = (int) (s >>> 32) & mask;
          while (bigger[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          bigger[slot] = s;
        }
      }
      slots = bigger;
    }

    /**
     * Fails when allocating {@code more} bytes, next to what the builder holds and the two arrays
     * that {@link #build()} takes (the ranks, and the sort's keys), would pass the budget.
     */
    private void checkBudget(long more) {
      long held = ((long) chunks.size() << CHUNK_BITS) + slots.length * 8L;
      if (held + more + size * 8L > maxBytes) {
        throw new TooManyUsersException(
            String.format(
                Locale.ROOT,
                "%,d users take %,d MB of memory, and the users table may take at most %,d MB in"
                    + " this run (docs/limits.md)",
                size,
                held >> 20,
                maxBytes >> 20));
      }
    }

    /** The table, its users ranked in code-point order of their ids. */
    public UsersTable build() {
      if (chunk != null) {
        chunkEnds.add(pos);
      }
      int[] handles = new int[size];
      int n = 0;
      for (int c = 0; c < chunks.size(); c++) {
        byte[] records = chunks.get(c);
        for (int p = 0, end = chunkEnds.get(c); p < end; p += ID + idLength(records, p)) {
          handles[n++] = c << CHUNK_BITS | p;
        }
      }
      IdSort.sort(chunks.toArray(byte[][]::new), handles);
      return new UsersTable(this, handles);
    }
  }
}
