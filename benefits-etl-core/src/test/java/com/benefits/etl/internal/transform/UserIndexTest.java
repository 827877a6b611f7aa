package com.benefits.etl.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.model.UsersTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join's lookup agrees with a plain scan of the users table and carries each user's facts. */
class UserIndexTest {
  @TempDir Path dir;

  private UserIndex index(UsersTable users, boolean[] inCountry) {
    return new UserIndex(users, inCountry, new DailyCounts(users, dir.resolve("daily"), 16));
  }

  @Test
  void findsShortLongAndWideIdsWithTheirFacts() {
    String[] ids = {
      "u1",
      "u0000001",
      "u00000001",
      "a-much-longer-user-id-than-eight",
      "é",
      "ü12345678",
      "☕",
      "x☕y",
      "Aa",
      "BB",
      "AaAa",
      "BBBB",
      "AaBB",
      "BBAa",
      " "
    };
    UsersTable.Builder b = UsersTable.builder();
    boolean[] inCountry = new boolean[ids.length];
    for (int i = 0; i < ids.length; i++) {
      b.add(ids[i], i % 3 == 0 ? UsersTable.NO_DATE : 19_000 + i, false, i % 2 == 0 ? "US" : "GB");
      inCountry[i] = i % 2 == 0;
    }
    UsersTable users = b.build();
    DailyCounts daily = new DailyCounts(users, dir.resolve("daily"), 16);
    UserIndex index = new UserIndex(users, inCountry, daily);
    for (int i = 0; i < ids.length; i++) {
      int entry = index.find(new String(ids[i].toCharArray())); // a fresh instance, as parsed
      assertThat(entry).as(ids[i]).isNotNegative();
      assertThat(index.user(entry)).isEqualTo(i);
      assertThat(index.signupDate(entry)).isEqualTo(users.signupDate(i));
      assertThat(index.inCountry(entry)).isEqualTo(inCountry[i]);
      assertThat(index.rank(entry)).isEqualTo(daily.rank(i));
    }
  }

  @Test
  void missesIdsThatAreNotThere() {
    UsersTable users = DailyCountsTest.users("u1", "u0000001", "u00000001", "Aa", "é", "x☕y");
    UserIndex index = index(users, new boolean[users.size()]);
    // prefixes, extensions, one char changed, same String hash ("Aa" and "BB"), wide twins
    for (String id :
        List.of(
            "u",
            "u10",
            "u0000002",
            "u00000002",
            "u000000010",
            "BB",
            "e",
            "x☕",
            "x☕z",
            "Ã©",
            "",
            "u1 ")) {
      assertThat(index.find(id)).as(id).isEqualTo(-1);
    }
  }

  @Test
  void emptyTable() {
    UsersTable users = UsersTable.builder().build();
    assertThat(index(users, new boolean[0]).find("u1")).isEqualTo(-1);
  }

  @Test
  void agreesWithTheUsersTableOnRandomIds() {
    Random random = new Random(7);
    UsersTable.Builder b = UsersTable.builder();
    List<String> probes = new ArrayList<>();
    Map<String, Integer> model = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      String id = randomId(random);
      if (b.add(id, i, false, "US")) {
        model.put(id, model.size());
      }
      probes.add(id);
      probes.add(randomId(random));
    }
    UsersTable users = b.build();
    boolean[] inCountry = new boolean[users.size()];
    UserIndex index = index(users, inCountry);
    for (String id : probes) {
      int entry = index.find(id);
      int expected = model.getOrDefault(id, -1);
      assertThat(entry < 0 ? -1 : index.user(entry)).as(id).isEqualTo(expected);
    }
  }

  private static String randomId(Random random) {
    int length = 1 + random.nextInt(12);
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < length; k++) {
      int kind = random.nextInt(10);
      s.append(
          kind < 7
              ? (char) ('0' + random.nextInt(4))
              : kind < 9 ? (char) (0xC0 + random.nextInt(4)) : (char) (0x2600 + random.nextInt(4)));
    }
    return s.toString();
  }
}
