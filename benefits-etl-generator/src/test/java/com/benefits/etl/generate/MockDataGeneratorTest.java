package com.benefits.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.RejectReason;
import com.benefits.etl.testing.SpecOracle;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MockDataGeneratorTest {
  @TempDir Path tmp;

  private GeneratedData generate(
      String dir, long events, int users, long seed, EventsFormat format, boolean gzip)
      throws IOException {
    GeneratorOptions options =
        GeneratorOptions.builder(tmp.resolve(dir))
            .events(events)
            .users(users)
            .seed(seed)
            .format(format)
            .gzip(gzip)
            .build();
    return new MockDataGenerator(options).generate();
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = SpecOracle.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0} gzip={1} seed={2}")
  @CsvSource({
    "ARRAY, false, 42",
    "ARRAY, true, 7",
    "NDJSON, false, 42",
    "NDJSON, true, 99",
    "ARRAY, false, -3",
    "NDJSON, false, 123456789"
  })
  void manifestMatchesAnIndependentReadingOfTheSpec(EventsFormat format, boolean gzip, long seed)
      throws IOException {
    GeneratedData data = generate("out", 20_000, 500, seed, format, gzip);
    ExpectedCounts expected = data.expected();
    SpecOracle.Result actual = SpecOracle.run(data.events(), data.users());

    assertThat(actual.recordsRead()).isEqualTo(expected.recordsRead()).isEqualTo(20_000);
    assertThat(actual.clean()).isEqualTo(expected.clean());
    for (RejectReason reason : RejectReason.values()) {
      assertThat(SpecOracle.count(actual, reason))
          .as(reason.code())
          .isEqualTo(expected.rejected(reason))
          .isPositive();
    }
    assertThat(actual.dailyRows()).isEqualTo(expected.dailySummaryRows());
    UsersCounts users = expected.users();
    assertThat(actual.userRows()).isEqualTo(users.rows());
    assertThat(actual.blankIds()).isEqualTo(users.blankIds()).isPositive();
    assertThat(actual.duplicateIds()).isEqualTo(users.duplicateIds()).isPositive();
    assertThat(actual.invalidSignupDates()).isEqualTo(users.invalidSignupDates()).isPositive();
    assertThat(actual.distinctUsers()).isEqualTo(users.distinctUsers()).isEqualTo(500);
  }

  /** Many small runs: the manifest must be exact for every seed, not just for a lucky few. */
  static Stream<Arguments> manySeeds() {
    RecordMix copyHeavy = new RecordMix(0.03, 0.02, 0.03, 0.20, 0.10, 0.03, 0.12, 0.01);
    List<Arguments> cases = new ArrayList<>();
    for (long seed = 1; seed <= 20; seed++) {
      for (EventsFormat format : EventsFormat.values()) {
        boolean gzip = seed % 2 == 0;
        cases.add(Arguments.of(format, gzip, seed, "default", RecordMix.DEFAULT));
        cases.add(Arguments.of(format, !gzip, seed, "copy-heavy", copyHeavy));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} gzip={1} seed={2} mix={3}")
  @MethodSource("manySeeds")
  void manifestMatchesTheSpecForManySeeds(
      EventsFormat format, boolean gzip, long seed, String mixName, RecordMix mix)
      throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(tmp.resolve("out"))
                    .events(3_000)
                    .users(120)
                    .seed(seed)
                    .format(format)
                    .gzip(gzip)
                    .mix(mix)
                    .build())
            .generate();
    ExpectedCounts expected = data.expected();
    SpecOracle.Result actual = SpecOracle.run(data.events(), data.users());

    assertThat(actual.recordsRead()).isEqualTo(expected.recordsRead()).isEqualTo(3_000);
    assertThat(actual.clean()).as("clean").isEqualTo(expected.clean());
    for (RejectReason reason : RejectReason.values()) {
      assertThat(SpecOracle.count(actual, reason))
          .as(reason.code())
          .isEqualTo(expected.rejected(reason));
    }
    assertThat(actual.dailyRows()).as("daily rows").isEqualTo(expected.dailySummaryRows());
  }

  @Test
  void invariantHoldsAndEveryReasonAppears() throws IOException {
    ExpectedCounts c = generate("out", 10_000, 300, 42, EventsFormat.ARRAY, false).expected();
    long sum = c.clean();
    for (RejectReason reason : RejectReason.values()) {
      assertThat(c.rejected(reason)).as(reason.code()).isPositive();
      sum += c.rejected(reason);
    }
    assertThat(sum).isEqualTo(c.recordsRead()).isEqualTo(10_000);
    assertThat(c.clean()).isGreaterThan(c.recordsRead() / 2);
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDiffers() throws IOException {
    GeneratedData a = generate("a", 5_000, 200, 42, EventsFormat.NDJSON, true);
    GeneratedData b = generate("b", 5_000, 200, 42, EventsFormat.NDJSON, true);
    GeneratedData c = generate("c", 5_000, 200, 43, EventsFormat.NDJSON, true);
    for (String name :
        List.of(
            a.events().getFileName().toString(),
            MockDataGenerator.USERS_FILE,
            MockDataGenerator.MANIFEST_FILE)) {
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(name)));
      assertThat(Files.readAllBytes(tmp.resolve("a").resolve(name)))
          .as(name)
          .isNotEqualTo(Files.readAllBytes(tmp.resolve("c").resolve(name)));
    }
    assertThat(a.expected()).isEqualTo(b.expected());
  }

  @Test
  void gzipDecompressesToTheSameContent() throws IOException {
    for (EventsFormat format : EventsFormat.values()) {
      GeneratedData plain = generate(format + "-plain", 3_000, 100, 5, format, false);
      GeneratedData gz = generate(format + "-gz", 3_000, 100, 5, format, true);
      assertThat(gz.events().getFileName().toString())
          .isEqualTo(plain.events().getFileName() + ".gz");
      assertThat(read(gz.events())).isEqualTo(Files.readString(plain.events()));
      assertThat(gz.expected()).isEqualTo(plain.expected());
    }
  }

  @Test
  void arrayIsOneJsonArrayWithOneElementPerRecord() throws IOException {
    GeneratedData data = generate("out", 4_000, 100, 42, EventsFormat.ARRAY, false);
    long elements = 0;
    try (JsonParser p = new JsonFactory().createParser(data.events().toFile())) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
        elements++;
      }
      assertThat(p.nextToken()).isNull();
    }
    assertThat(elements).isEqualTo(data.expected().recordsRead());
    assertThat(data.expected().blankLines()).isZero();
  }

  @Test
  void ndjsonHasOneNonBlankLinePerRecordPlusBlankLines() throws IOException {
    GeneratedData data = generate("out", 20_000, 100, 42, EventsFormat.NDJSON, false);
    List<String> lines = Arrays.asList(Files.readString(data.events()).split("\n", -1));
    assertThat(lines.get(lines.size() - 1)).isEmpty();
    List<String> body = lines.subList(0, lines.size() - 1);
    long nonBlank = body.stream().filter(l -> !l.isBlank()).count();
    assertThat(nonBlank).isEqualTo(data.expected().recordsRead());
    assertThat(body.size() - nonBlank).isEqualTo(data.expected().blankLines()).isPositive();
    assertThat(body).anyMatch(l -> l.equals("not json at all"));
    assertThat(body).anyMatch(l -> !l.isBlank() && !l.startsWith("{"));
  }

  @Test
  void eventsContainEveryKindOfDirtAndBenignVariety() throws IOException {
    String text =
        Files.readString(generate("out", 30_000, 300, 42, EventsFormat.ARRAY, false).events());
    assertThat(text)
        // malformed: non-objects and wrong types
        .contains("\n42,", "\"value\":\"12.50\"", "\"metadata\":\"desktop\"", "\"device\":3")
        // missing user id
        .contains("\"user_id\":null", "\"user_id\":\"   \"", "\"user_id\":12.5", "\"user_id\":true")
        // invalid timestamps
        .contains(
            "\"timestamp\":\"2024-02-30T10:00:00Z\"",
            "\"timestamp\":1710512525",
            "\"timestamp\":\"2024-03-15T10:00:00+18:30\"",
            "\"timestamp\":\"2023-02-29T10:00:00Z\"")
        // duplicates written differently and look-alikes
        .contains(".0,\"metadata\"", "e0,\"metadata\"")
        // benign: integer ids, padded ids, repeated keys, unknown fields
        .containsPattern("\"user_id\":1\\d{6},")
        .containsPattern("\"user_id\":\" u\\d{6} \"")
        .contains("{\"user_id\":null,\"user_id\":", "\"session_id\"", "\"browser\"")
        // valid timestamp variants
        .containsPattern("\"timestamp\":\"2024-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"")
        .containsPattern("\"timestamp\":\"2024-\\d\\d-\\d\\dt\\d\\d:\\d\\d:\\d\\d")
        .containsPattern("\"timestamp\":\"[^\"]+[+-]\\d\\d:\\d\\d\"")
        .containsPattern("\"timestamp\":\"[^\"]+[+-]\\d{4}\"")
        .containsPattern("\"timestamp\":\"[^\"]+:\\d\\d[+-]\\d\\d\"")
        .containsPattern("\"timestamp\":\"[^\"]+,\\d+")
        .containsPattern("\"timestamp\":\"[^\"]+\\.\\d{9}")
        .containsPattern(
            "\"timestamp\":\"2024-\\d\\d-\\d\\d[Tt ]\\d\\d:\\d\\d(Z|z|[+-]\\d\\d(:?\\d\\d)?)?\"");
  }

  @Test
  void usersCsvHasBomCrlfShuffledHeaderAndParsesIntoTheExpectedRows() throws IOException {
    GeneratedData data = generate("out", 10, 1_000, 42, EventsFormat.ARRAY, false);
    byte[] bytes = Files.readAllBytes(data.users());
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text).startsWith("Country,user_id, SIGNUP_DATE ,plan\r\n").endsWith("\r\n");
    assertThat(text)
        .contains(
            "\"Gold, family\"",
            "\"PPO \"\"plus\"\"\"",
            "\"HMO\nlegacy\"",
            " us ",
            "usa",
            "United States",
            "UNITED STATES OF AMERICA",
            "\nCA,",
            "\nGB,",
            "\nde,",
            "2024-02-30",
            "not a date");
    List<CsvRecord> rows;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(data.users())) {
      rows = csv.stream().collect(Collectors.toList());
    }
    assertThat(rows.get(0).getFields())
        .containsExactly("\uFEFFCountry", "user_id", " SIGNUP_DATE ", "plan");
    assertThat(rows)
        .hasSize((int) data.expected().users().rows() + 1)
        .allSatisfy(r -> assertThat(r.getFieldCount()).isEqualTo(4));
  }

  @Test
  void zeroEventsAndZeroUsersStillWriteReadableFiles() throws IOException {
    GeneratedData array = generate("a", 0, 0, 42, EventsFormat.ARRAY, false);
    assertThat(Files.readString(array.events())).isEqualTo("[\n]\n");
    assertThat(array.expected().recordsRead()).isZero();
    assertThat(array.expected().users().rows()).isZero();
    GeneratedData ndjson = generate("n", 0, 0, 42, EventsFormat.NDJSON, false);
    assertThat(Files.readString(ndjson.events())).isEmpty();
    GeneratedData noUsers = generate("u", 500, 0, 42, EventsFormat.NDJSON, false);
    assertThat(noUsers.expected().clean()).isZero();
    assertThat(noUsers.expected().rejected(RejectReason.UNKNOWN_USER)).isPositive();
    SpecOracle.Result actual = SpecOracle.run(noUsers.events(), noUsers.users());
    assertThat(actual.recordsRead()).isEqualTo(500);
    assertThat(SpecOracle.count(actual, RejectReason.UNKNOWN_USER))
        .isEqualTo(noUsers.expected().rejected(RejectReason.UNKNOWN_USER));
  }

  @Test
  void manifestJsonHoldsTheSameCounts() throws IOException {
    GeneratedData data = generate("out", 2_000, 100, 42, EventsFormat.NDJSON, false);
    String manifest = Files.readString(data.manifest());
    ExpectedCounts c = data.expected();
    assertThat(manifest)
        .contains(
            "\"records_read\" : " + c.recordsRead(),
            "\"clean\" : " + c.clean(),
            "\"daily_summary_rows\" : " + c.dailySummaryRows(),
            "\"invalid_signup_dates\" : " + c.users().invalidSignupDates());
    for (RejectReason reason : RejectReason.values()) {
      assertThat(manifest).contains("\"" + reason.code() + "\" : " + c.rejected(reason));
    }
  }

  @Test
  void optionsAreValidatedOnce() {
    GeneratorOptions.Builder builder = GeneratorOptions.builder(tmp);
    assertThatThrownBy(() -> builder.events(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events is -1");
    assertThatThrownBy(() -> GeneratorOptions.builder(tmp).users(-5).build())
        .hasMessageContaining("users is -5");
    assertThatThrownBy(() -> new RecordMix(0.5, 0.5, 0.5, 0, 0, 0, 0, 0))
        .hasMessageContaining("at most 1.0");
    assertThatThrownBy(() -> new RecordMix(-0.1, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("malformed share is -0.1");
  }
}
