package com.benefits.etl.internal.model;

import com.benefits.etl.UsersStats;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The users file as the join needs it: each distinct user id mapped once to a dense integer, with
 * that user's signup date and normalised country. Built by {@link Builder}; immutable after.
 */
public final class UsersTable {
  /** Stored in {@link #signupDate(int)} when the signup date is unknown. */
  public static final int NO_DATE = Integer.MIN_VALUE;

  private final String[] ids;

  /**
   * User indices in code-point order of their ids, which {@link #codePointRanks} inverts. The join
   * looks users up with {@code UserIndex}.
   */
  private final int[] byCodePoint;

  private final int[] signupDates;
  private final String[] countries;
  private final UsersStats stats;

  private UsersTable(Builder b) {
    this.ids = Arrays.copyOf(b.ids, b.size);
    this.signupDates = Arrays.copyOf(b.signupDates, b.size);
    this.countries = Arrays.copyOf(b.countries, b.size);
    this.stats = new UsersStats(b.rows, b.size, b.blankIds, b.duplicateIds, b.invalidSignupDates);
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byId = (x, y) -> compareCodePoints(ids[x], ids[y]);
    Arrays.sort(order, byId);
    this.byCodePoint = new int[order.length];
    for (int r = 0; r < order.length; r++) {
      byCodePoint[r] = order[r];
    }
  }

  public int size() {
    return ids.length;
  }

  public String userId(int index) {
    return ids[index];
  }

  /** Days since 1970-01-01, or {@link #NO_DATE}. */
  public int signupDate(int index) {
    return signupDates[index];
  }

  /** The normalised country, or null when blank. */
  public String country(int index) {
    return countries[index];
  }

  public UsersStats stats() {
    return stats;
  }

  /**
   * For each user index, its rank when user ids are sorted by Unicode code point (the byte order of
   * their UTF-8 form, which is how Parquet readers compare strings).
   */
  public int[] codePointRanks() {
    int[] rank = new int[ids.length];
    for (int r = 0; r < byCodePoint.length; r++) {
      rank[byCodePoint[r]] = r;
    }
    return rank;
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds rows in file order; the first row of a repeated id wins (docs/spec.md 1.2). */
  public static final class Builder {
    /**
     * The ids added so far, with their index: only while building, so that a repeated id can be
     * told. (A {@code HashSet} here measured 0.4-2.0 s slower on 10M events in 4 alternating pairs,
     * for no reason found; this map is what the table used to keep.)
     */
    private final Map<String, Integer> seen = new HashMap<>();

    private String[] ids = new String[1024];
    private int[] signupDates = new int[1024];
    private String[] countries = new String[1024];
    private int size;
    private long rows;
    private long blankIds;
    private long duplicateIds;
    private long invalidSignupDates;

    /**
     * Adds one data row.
     *
     * @param userId the trimmed id, or null when blank
     * @param signupDate days since 1970-01-01, or {@link #NO_DATE}
     * @param signupDateInvalid true when the file had a value that is not a date
     * @param country the normalised country, or null
     * @return true when the row was added, false when skipped (blank or repeated id)
     */
    public boolean add(String userId, int signupDate, boolean signupDateInvalid, String country) {
      rows++;
      if (userId == null) {
        blankIds++;
        return false;
      }
      if (seen.containsKey(userId)) {
        duplicateIds++;
        return false;
      }
      if (signupDateInvalid) {
        invalidSignupDates++;
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        signupDates = Arrays.copyOf(signupDates, size * 2);
        countries = Arrays.copyOf(countries, size * 2);
      }
      seen.put(userId, size);
      ids[size] = userId;
      signupDates[size] = signupDate;
      countries[size] = country;
      size++;
      return true;
    }

    public UsersTable build() {
      return new UsersTable(this);
    }
  }
}
