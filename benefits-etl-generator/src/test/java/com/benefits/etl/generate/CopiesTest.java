package com.benefits.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.testing.SpecOracle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicates and look-alikes of eligible records, read back by the independent model of
 * docs/spec.md: a duplicate must be a {@code duplicate}, a look-alike must pass step 4, neither may
 * fail step 1.
 */
class CopiesTest {
  private static final long START = 1_704_067_200L;

  @TempDir Path tmp;

  /**
   * Regression: a record whose JSON-null {@code value} followed a leading {@code "value":"oops"}
   * decoy was copied as a duplicate with the value written as absent, so the decoy was the only
   * {@code value} key left and the "duplicate" was really a {@code malformed_record} (the manifest
   * was off by one in each of those two counts per such copy).
   */
  @Test
  void copiesOfRecordsWithDecoysStayWellFormed() throws IOException {
    List<Consumer<EventDraft>> originals =
        List.of(
            d -> {
              d.value = Json.NULL;
              d.leading = List.of(Json.field("value", Json.str("oops")));
            },
            d -> {
              d.value = Json.num(12);
              d.leading = List.of(Json.field("value", Json.str("oops")));
            },
            d -> {
              d.eventType = Json.str("login");
              d.leading = List.of(Json.field("event_type", Json.num(5)));
            },
            d -> {
              d.metadata = Json.NULL;
              d.leading = List.of(Json.field("metadata", Json.arr(Json.str("desktop"))));
            },
            d -> d.leading = List.of(Json.field("timestamp", Json.str("yesterday"))),
            d -> d.leading = List.of(Json.field("user_id", Json.NULL)));
    assertCopiesReadAsTheSpecSays(originals);
  }

  /** docs/spec.md, step 4 compares values as numbers: 0, -0, 0.0 and -0.0 are the same value. */
  @Test
  void zeroWrittenAsNegativeZeroIsADuplicate() throws IOException {
    assertCopiesReadAsTheSpecSays(
        List.of(
            d -> d.value = Json.num("0"),
            d -> d.value = Json.num("-0.0"),
            d -> d.value = Json.num("0.0")));
  }

  @Test
  void aDecoyWithoutItsRealFieldIsCaught() {
    EventDraft d = factory(new SplittableRandom(1)).fresh(START);
    d.value = null;
    d.leading = List.of(Json.field("value", Json.str("oops")));
    assertThatThrownBy(d::requireDecoysOverridden)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("decoy value is not overridden");
  }

  /**
   * Writes, for each way of making an original, 30 originals each followed by 12 duplicates and one
   * look-alike, all of users in the US, and checks every record's fate.
   */
  private void assertCopiesReadAsTheSpecSays(List<Consumer<EventDraft>> makers) throws IOException {
    SplittableRandom rng = new SplittableRandom(20240315);
    UserDirectory users = new UserDirectory(3, 40, 0.0);
    EventFactory factory = factory(rng);
    Copies copies = new Copies(rng, factory);
    Path usersFile = tmp.resolve("users.csv");
    UsersCsvWriter.write(usersFile, users, rng);
    Path eventsFile = tmp.resolve("raw_events.ndjson");
    List<String> expected = new ArrayList<>();
    long second = START;
    try (EventSink sink = new EventSink(Files.newOutputStream(eventsFile), EventsFormat.NDJSON)) {
      for (Consumer<EventDraft> maker : makers) {
        for (int i = 0; i < 30; i++) {
          EventDraft original = factory.fresh(second += 60);
          maker.accept(original);
          sink.record(original.requireDecoysOverridden());
          expected.add("clean");
          for (int k = 0; k < 12; k++) {
            sink.record(copies.duplicate(original).requireDecoysOverridden());
            expected.add("duplicate");
          }
          sink.record(copies.lookalike(original).requireDecoysOverridden());
          expected.add("clean");
        }
      }
    }
    List<String> fates = SpecOracle.run(eventsFile, usersFile).fates();
    List<String> lines = Files.readAllLines(eventsFile);
    assertThat(fates).hasSameSizeAs(expected);
    for (int i = 0; i < fates.size(); i++) {
      assertThat(fates.get(i)).as("record %d: %s", i, lines.get(i)).isEqualTo(expected.get(i));
    }
  }

  /** Every user known and in the US, so a record that passes step 4 is clean. */
  private static EventFactory factory(SplittableRandom rng) {
    return new EventFactory(rng, new UserDirectory(3, 40, 0.0), 0.0);
  }
}
