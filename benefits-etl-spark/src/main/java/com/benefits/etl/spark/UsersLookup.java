package com.benefits.etl.spark;

import com.benefits.etl.internal.model.UsersTable;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Steps 5 and 6 inside the tasks: the users table as the join needs it, broadcast once to every
 * executor. A user id is looked up as the Java string the core reader made of the record, before
 * any value becomes a Spark string (Spark strings are UTF-8, where a lone surrogate {@code
 * "a\ud800"} would turn into {@code "a?"} and match another user).
 */
final class UsersLookup implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@link #signupDate} of a user whose signup date is unknown. */
  static final int NO_DATE = UsersTable.NO_DATE;

  private final String[] ids;
  private final int[] signupDates;
  private final String[] countries;
  private final String target;

  /** Built once per executor JVM (the broadcast value is shared by its tasks). */
  private transient volatile Map<String, Integer> index;

  UsersLookup(UsersTable users, String target) {
    int n = users.size();
    this.ids = new String[n];
    this.signupDates = new int[n];
    this.countries = new String[n];
    for (int u = 0; u < n; u++) {
      int handle = users.handleOfRank(u);
      ids[u] = users.userId(handle);
      signupDates[u] = users.signupDate(handle);
      countries[u] = users.country(handle);
    }
    this.target = target;
  }

  /** The user's entry, or -1 when the id is not in the users file. */
  int find(String userId) {
    Integer u = index().get(userId);
    return u == null ? -1 : u;
  }

  boolean inTargetCountry(int user) {
    return target.equals(countries[user]);
  }

  /** The user's normalised country, or null. */
  String country(int user) {
    return countries[user];
  }

  /** Days since 1970-01-01, or {@link #NO_DATE}. */
  int signupDate(int user) {
    return signupDates[user];
  }

  String target() {
    return target;
  }

  private Map<String, Integer> index() {
    Map<String, Integer> built = index;
    if (built == null) {
      synchronized (this) {
        built = index;
        if (built == null) {
          built = new HashMap<>(ids.length * 2);
          for (int u = 0; u < ids.length; u++) {
            built.put(ids[u], u);
          }
          index = built;
        }
      }
    }
    return built;
  }
}
