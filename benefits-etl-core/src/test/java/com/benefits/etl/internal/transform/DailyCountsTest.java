package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.model.UsersTable;
import com.benefits.etl.internal.rules.CivilDate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/spec.md 3.2: one row per (user, date), ordered by user id (code points) then date. */
class DailyCountsTest {

  /** The ids of the last {@link #users} table, in the order they were added. */
  private String[] ids;

  private UsersTable table;

  UsersTable users(String... ids) {
    UsersTable.Builder b = UsersTable.builder();
    for (String id : ids) {
      b.add(id, UsersTable.NO_DATE, false, "US");
    }
    this.ids = ids;
    this.table = b.build();
    return table;
  }

  @TempDir Path dir;

  /** Counts with a small buffer, so that most tests also go through run files and the merge. */
  DailyCounts counts(UsersTable users) {
    return new DailyCounts(users, dir.resolve("daily"), 3);
  }

  /** Counts one event on {@code day} of the {@code user}-th id given to {@link #users}. */
  void add(DailyCounts counts, int user, int day) {
    counts.add(DailyCounts.keyOfRank(table.rank(table.find(ids[user])), day));
  }

  static List<DailyCount> sorted(DailyCounts counts) {
    List<DailyCount> out = new ArrayList<>();
    long emitted = counts.forEachSorted(out::add);
    assertThat(emitted).isEqualTo(out.size()).isEqualTo(counts.rows());
    return out;
  }

  static int day(String iso) {
    return (int) LocalDate.parse(iso).toEpochDay();
  }

  @Test
  void countsPerUserAndDate() {
    UsersTable users = users("b", "a");
    DailyCounts c = counts(users);
    add(c, 0, day("2024-03-15"));
    add(c, 0, day("2024-03-15"));
    add(c, 0, day("2024-03-14"));
    add(c, 1, day("2024-03-15"));
    add(c, 0, day("2024-03-15"));
    assertThat(sorted(c))
        .containsExactly(
            new DailyCount("a", day("2024-03-15"), 1),
            new DailyCount("b", day("2024-03-14"), 1),
            new DailyCount("b", day("2024-03-15"), 3));
  }

  @Test
  void emptyCountsEmitNothing() {
    assertThat(sorted(counts(users("a")))).isEmpty();
    assertThat(sorted(counts(users()))).isEmpty();
  }

  @Test
  void ordersUserIdsByCodePointNotUtf16() {
    // U+FF21 sorts before U+1F600 by code point, after it by UTF-16 unit (0xFF21 > 0xD83D).
    String fullwidthA = "\uFF21";
    String emoji = "\uD83D\uDE00";
    UsersTable users =
        users(
            emoji, fullwidthA, "z", "A", "a", "\uFF21x", "\uD83D\uDE00\uD83D\uDE00", "", "\uE000");
    DailyCounts c = counts(users);
    for (int u = 0; u < users.size(); u++) {
      add(c, u, day("2024-01-01"));
    }
    assertThat(sorted(c))
        .extracting(DailyCount::userId)
        .containsExactly(
            "", "A", "a", "z", "\uE000", fullwidthA, "\uFF21x", emoji, "\uD83D\uDE00\uD83D\uDE00");
  }

  @Test
  void farAndNegativeDates() {
    UsersTable users = users("u");
    DailyCounts c = counts(users);
    int[] days = {
      CivilDate.MAX_EPOCH_DAY,
      0,
      -1,
      CivilDate.MIN_EPOCH_DAY,
      day("1969-12-31"),
      day("1900-03-01"),
      1,
      CivilDate.MIN_EPOCH_DAY + 1,
      CivilDate.MAX_EPOCH_DAY - 1,
    };
    for (int d : days) {
      add(c, 0, d);
    }
    add(c, 0, CivilDate.MIN_EPOCH_DAY);
    add(c, 0, CivilDate.MAX_EPOCH_DAY);
    List<DailyCount> rows = sorted(c);
    assertThat(rows)
        .extracting(DailyCount::eventDate)
        .containsExactly(
            day("0001-01-01"),
            day("0001-01-02"),
            day("1900-03-01"),
            day("1969-12-31"),
            0,
            1,
            day("9999-12-30"),
            day("9999-12-31"));
    assertThat(rows.get(0).eventCount()).isEqualTo(2);
    assertThat(rows.get(3).eventCount()).isEqualTo(2); // -1 and 1969-12-31 are the same day
    assertThat(rows.get(7).eventCount()).isEqualTo(2);
  }

  @Test
  void mergesManyRunsAndAgreesWithAReferenceMap() {
    int userCount = 5_000;
    String[] ids = new String[userCount];
    for (int i = 0; i < userCount; i++) {
      ids[i] = "user-" + Integer.toString(i * 7919 % userCount, 36);
    }
    UsersTable users = users(ids);
    assertThat(users.size()).isEqualTo(userCount);
    Random random = new Random(42);
    DailyCounts c = new DailyCounts(users, dir.resolve("daily"), 40_000);
    Map<String, Map<Integer, Long>> expected = new TreeMap<>(Comparator.naturalOrder());
    for (int i = 0; i < 300_000; i++) {
      int u = random.nextInt(userCount);
      int d =
          CivilDate.MIN_EPOCH_DAY
              + random.nextInt(CivilDate.MAX_EPOCH_DAY - CivilDate.MIN_EPOCH_DAY + 1);
      if (i % 3 == 0) {
        d = day("2024-01-01") + random.nextInt(20); // many repeats
      }
      add(c, u, d);
      expected.computeIfAbsent(ids[u], k -> new TreeMap<>()).merge(d, 1L, Long::sum);
    }
    List<DailyCount> want = new ArrayList<>();
    // ASCII ids: String order is code point order.
    expected.forEach((id, byDay) -> byDay.forEach((d, n) -> want.add(new DailyCount(id, d, n))));
    assertThat(want.size()).isGreaterThan(100_000);
    assertThat(sorted(c)).isEqualTo(want);
    c.close();
    assertThat(dir).isEmptyDirectory();
  }
}
