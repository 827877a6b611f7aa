package com.benefits.etl.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsersTableTest {

  /**
   * Ranks by code point, checked against an independent order: the ids' UTF-8 bytes compared
   * unsigned. With surrogate pairs, String's own order (by UTF-16 unit) would differ. Many ids
   * share prefixes, so the sort goes several rounds deep.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void ranksFollowUtf8ByteOrder(boolean withSurrogatePairs) {
    Random random = new Random(withSurrogatePairs ? 1 : 2);
    UsersTable.Builder b = UsersTable.builder();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String id =
          (i % 3 == 0 ? "prefix-shared-by-many-" : "") + randomId(random, withSurrogatePairs);
      assertThat(b.add(id, UsersTable.NO_DATE, false, "US")).isEqualTo(ids.add(id));
    }
    UsersTable users = b.build();

    List<String> expected = new ArrayList<>(ids);
    expected.sort(
        Comparator.comparing(
            (String id) -> id.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned));
    assertThat(users.size()).isEqualTo(expected.size());
    for (int r = 0; r < expected.size(); r++) {
      int handle = users.handleOfRank(r);
      assertThat(users.userId(handle)).as("rank %d", r).isEqualTo(expected.get(r));
      assertThat(users.rank(handle)).isEqualTo(r);
      assertThat(users.find(expected.get(r))).isEqualTo(handle);
    }
  }

  /** find agrees with a map of the ids added: same handles, misses for ids never added. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void findsEveryIdWithItsFactsAndNoOther(boolean withSurrogatePairs) {
    Random random = new Random(withSurrogatePairs ? 3 : 4);
    UsersTable.Builder b = UsersTable.builder();
    Map<String, Integer> dates = new HashMap<>();
    Map<String, String> countries = new HashMap<>();
    String[] names = {null, "US", "GB", "CA"};
    for (int i = 0; i < 30_000; i++) {
      String id = randomId(random, withSurrogatePairs) + (i % 5 == 0 ? "-a-much-longer-tail" : "");
      String country = names[random.nextInt(names.length)];
      int date = random.nextInt(4) == 0 ? UsersTable.NO_DATE : 19_000 + i;
      if (b.add(id, date, false, country)) {
        dates.put(id, date);
        countries.put(id, country);
      } else {
        assertThat(dates).containsKey(id); // only a repeated id is skipped: the first row wins
      }
    }
    UsersTable users = b.build();
    assertThat(users.size()).isEqualTo(dates.size());
    dates.forEach(
        (id, date) -> {
          int h = users.find(new String(id.toCharArray())); // a fresh string, as an event's
          assertThat(h).as(id).isNotNegative();
          assertThat(users.userId(h)).isEqualTo(id);
          assertThat(users.signupDate(h)).isEqualTo(date);
          assertThat(users.country(h)).isEqualTo(countries.get(id));
        });
    for (int i = 0; i < 30_000; i++) {
      String probe = randomId(random, withSurrogatePairs) + (random.nextBoolean() ? "" : "x");
      assertThat(users.find(probe) >= 0).as(probe).isEqualTo(dates.containsKey(probe));
    }
  }

  @Test
  void missesPrefixesExtensionsLoneSurrogatesAndHashTwins() {
    UsersTable.Builder b = UsersTable.builder();
    for (String id : List.of("u1", "u0000001", "Aa", "é", "x☕y", "a?", "\uD83D\uDE00")) {
      b.add(id, UsersTable.NO_DATE, false, "US");
    }
    UsersTable users = b.build();
    // "Aa" and "BB" share String.hashCode; "a\ud800" must not match "a?" (UTF-8 has no surrogate)
    for (String id :
        List.of(
            "u",
            "u10",
            "u0000002",
            "BB",
            "e",
            "x☕",
            "x☕z",
            "Ã©",
            "",
            "u1 ",
            "a\ud800",
            "\uD83D",
            "\uDE00",
            "\uD83D\uDE00x")) {
      assertThat(users.find(id)).as(id).isEqualTo(-1);
    }
    assertThat(users.find("\uD83D\uDE00")).isNotNegative();
    assertThat(UsersTable.builder().build().find("a")).isEqualTo(-1);
  }

  @Test
  void countriesAreCodedAndLookedUp() {
    UsersTable.Builder b = UsersTable.builder();
    b.add("a", 1, false, "US");
    b.add("b", 2, false, null);
    b.add("c", 3, false, "GB");
    UsersTable users = b.build();
    assertThat(users.countryCode(users.find("a"))).isEqualTo(users.countryCode("US"));
    assertThat(users.countryCode(users.find("b"))).isZero();
    assertThat(users.country(users.find("b"))).isNull();
    assertThat(users.countryCode("XX")).isEqualTo(-1);
  }

  @Test
  void aBudgetStopsTheTableBeforeItOutgrowsIt() {
    UsersTable.Builder b = UsersTable.builder(8L << 20);
    assertThatThrownBy(
            () -> {
              for (int i = 0; ; i++) {
                b.add(String.format("user-%010d", i), UsersTable.NO_DATE, false, "US");
              }
            })
        .isInstanceOf(UsersTable.TooManyUsersException.class)
        .hasMessageContaining("users take")
        .hasMessageContaining("at most 8 MB");
  }

  @Test
  void anIdBeyondTheLimitIsRefused() {
    assertThatThrownBy(() -> UsersTable.builder().add("x".repeat(70_000), 1, false, "US"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70,000 bytes");
  }

  /**
   * findAll gives find's answer for every id of a batch: ids present and absent (many of them
   * colliding in a small table, so probes go past the home slot), repeated, and null; events in the
   * string form, and ASCII ids also in the byte form, which is looked up by its bytes.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 64, 300})
  void findAllAgreesWithFindForEveryIdOfABatch(int batch) {
    Random random = new Random(batch);
    UsersTable.Builder b = UsersTable.builder();
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String id = i % 2 == 0 ? randomId(random, true) : asciiId(random);
      if (b.add(id, i, false, i % 2 == 0 ? "US" : "FR")) {
        added.add(id);
      }
    }
    UsersTable users = b.build();
    ValidEvent[] events = new ValidEvent[batch];
    int[] handles = new int[batch];
    long[] scratch = new long[batch];
    int asciiForm = 0;
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(batch);
      for (int j = 0; j < n; j++) {
        int pick = random.nextInt(10);
        String id =
            pick == 0
                ? null
                : pick < 6
                    ? added.get(random.nextInt(added.size()))
                    : pick < 8 ? asciiId(random) : randomId(random, true) + (pick == 9 ? "x" : "");
        events[j] = id == null ? null : event(id, random.nextBoolean());
        asciiForm += events[j] != null && events[j].inByteForm() ? 1 : 0;
      }
      users.findAll(events, n, handles, scratch);
      for (int j = 0; j < n; j++) {
        int expected = events[j] == null ? -1 : users.find(events[j].userId());
        assertThat(handles[j])
            .as("round %d, event %d: %s", round, j, events[j])
            .isEqualTo(expected);
      }
    }
    assertThat(asciiForm).as("events in the byte form").isPositive();
  }

  /** An event of user {@code id}: in the byte form when asked and the id is ASCII. */
  private static ValidEvent event(String id, boolean asciiForm) {
    String timestamp = "2024-01-01T00:00:00Z";
    if (asciiForm && id.chars().allMatch(c -> c < 0x80)) {
      return ValidEvent.of(ascii(id), null, ascii(timestamp), 0, null, null, null);
    }
    return new ValidEvent(id, null, timestamp, 0, null, null, null);
  }

  private static AsciiText ascii(String s) {
    byte[] b = ("__" + s).getBytes(StandardCharsets.US_ASCII);
    return new AsciiText(b, 2, s.length()); // not at the start of its array
  }

  private static String asciiId(Random random) {
    StringBuilder s = new StringBuilder("u");
    int length = 1 + random.nextInt(6);
    for (int k = 0; k < length; k++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  private static String randomId(Random random, boolean withSurrogatePairs) {
    StringBuilder s = new StringBuilder();
    int length = 1 + random.nextInt(9);
    for (int k = 0; k < length; k++) {
      switch (random.nextInt(withSurrogatePairs ? 4 : 3)) {
        case 0 -> s.append((char) ('a' + random.nextInt(4)));
        case 1 -> s.append((char) (0xE000 + random.nextInt(3))); // above the surrogates in UTF-16
        case 2 -> s.append((char) (0x00E0 + random.nextInt(3)));
        default -> s.appendCodePoint(0x1F600 + random.nextInt(3)); // a pair: below U+E000 in UTF-16
      }
    }
    return s.toString();
  }
}
