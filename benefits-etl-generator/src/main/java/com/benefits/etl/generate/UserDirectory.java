package com.benefits.etl.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The generated users, each a pure function of (seed, index): nothing is stored, so events can look
 * up their user's fate in constant memory however many users there are.
 */
final class UserDirectory {
  /** Numeric ids are {@code NUMERIC_BASE + index}: decimal, no leading zero. */
  static final long NUMERIC_BASE = 1_000_000L;

  private static final String[] US_VARIANTS = {
    "US",
    "US",
    "US",
    "US",
    "US",
    "US",
    "US",
    "US",
    " us ",
    "usa",
    "USA",
    "United States",
    "UNITED STATES OF AMERICA",
    "Us",
    "united states"
  };
  private static final String[] NON_US_VARIANTS = {"CA", "GB", "de", " mx ", "", "  ", "U.S."};
  private static final String[] INVALID_DATES = {
    "2024-02-30", "not a date", "", "2023-02-29", "2024-13-01", "03/15/2022", "2022-1-5", "  "
  };
  private static final String[] PLANS = {
    "basic",
    "premium",
    "family",
    "Gold, family",
    "PPO \"plus\"",
    "HMO\nlegacy",
    "",
    "caf\u00e9",
    "dental, vision \"and\" more\r\nsecond line"
  };
  private static final long FIRST_SIGNUP = LocalDate.of(2019, 1, 1).toEpochDay();
  private static final int SIGNUP_DAYS = 6 * 365;

  private final long seed;
  private final int size;
  private final double nonUsShare;

  UserDirectory(long seed, int size, double nonUsShare) {
    this.seed = seed;
    this.size = size;
    this.nonUsShare = nonUsShare;
  }

  int size() {
    return size;
  }

  /** What events need of the user at {@code index}: the same draws as {@link #profile}'s first. */
  EventUser eventUser(int index) {
    SplittableRandom r = rng(index, 0x5EED_0001L);
    boolean numeric = r.nextInt(20) == 0;
    r.nextInt(20);
    boolean us = r.nextDouble() >= nonUsShare;
    return new EventUser(
        numeric ? Long.toString(NUMERIC_BASE + index) : paddedId(index), numeric, us);
  }

  /** A user as events see it: trimmed id, whether it is numeric, whether the user is in the US. */
  record EventUser(String id, boolean numeric, boolean us) {}

  /** The user at {@code index} (0 to size - 1). */
  UserProfile profile(int index) {
    SplittableRandom r = rng(index, 0x5EED_0001L);
    boolean numeric = r.nextInt(20) == 0;
    String id = numeric ? Long.toString(NUMERIC_BASE + index) : paddedId(index);
    String csvId =
        switch (r.nextInt(20)) {
          case 0 -> " " + id + " ";
          case 1 -> id + "  ";
          default -> id;
        };
    boolean us = r.nextDouble() >= nonUsShare;
    String country = us ? pick(r, US_VARIANTS) : pick(r, NON_US_VARIANTS);
    boolean signupValid = r.nextInt(25) != 0;
    String signup = signupValid ? validDate(r) : pick(r, INVALID_DATES);
    String plan = pick(r, PLANS);
    boolean duplicated = r.nextInt(50) == 0;
    return new UserProfile(
        index, id, numeric, us, csvId, country, signup, signupValid, plan, duplicated);
  }

  /** The losing second row of a duplicated user: opposite country status, valid date. */
  String[] duplicateRow(UserProfile user) {
    SplittableRandom r = rng(user.index(), 0x5EED_0002L);
    String csvId = r.nextBoolean() ? user.id() : " " + user.id();
    String country = user.us() ? pick(r, NON_US_VARIANTS) : pick(r, US_VARIANTS);
    return new String[] {country, csvId, validDate(r), "duplicate row, ignored"};
  }

  /** An id not in the table: either {@code u}-style or numeric (then written as an integer). */
  static String unknownId(SplittableRandom rng, int size, boolean numeric) {
    int offset = 1 + rng.nextInt(5_000);
    return numeric ? Long.toString(NUMERIC_BASE + size + offset) : paddedId(size + offset);
  }

  static String paddedId(long index) {
    StringBuilder sb = new StringBuilder(8).append('u');
    String digits = Long.toString(index);
    for (int i = digits.length(); i < 6; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  private static String validDate(SplittableRandom r) {
    String date = LocalDate.ofEpochDay(FIRST_SIGNUP + r.nextInt(SIGNUP_DAYS)).toString();
    return r.nextInt(30) == 0 ? " " + date + " " : date;
  }

  private SplittableRandom rng(int index, long salt) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + salt;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return new SplittableRandom(z ^ (z >>> 33));
  }

  private static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
