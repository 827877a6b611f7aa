package com.benefits.etl;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.SpecOracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The whole pipeline on random event streams (random types in every field, repeated keys,
 * duplicates, unknown users, non-objects) and random users files: the accounting invariant holds
 * and every record's fate is the one {@link SpecOracle} computes on the same files.
 */
class PipelineProperties {
  private static final List<String> IDS = List.of("u1", "u2", "u3", "7", "u9");
  private Path dir;

  @BeforeProperty
  void createDir() throws IOException {
    dir = Files.createTempDirectory("pipeline-properties");
  }

  @AfterProperty
  void deleteDir() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** One generated input: the records' JSON texts, the users CSV, and the layout. */
  record Input(List<String> records, String usersCsv, boolean ndjson) {
    @Override
    public String toString() {
      return (ndjson ? "NDJSON " : "array ") + records + "\nusers:\n" + usersCsv;
    }
  }

  @Property(tries = 80)
  void everyRecordEndsWhereTheSpecSays(@ForAll("inputs") Input input) throws IOException {
    checkEveryFate(input);
  }

  /**
   * Streams longer than the pipeline's batch of records (steps 4-6 run on 64 records at a time), so
   * that records and the ones they repeat fall in different batches and at their edges.
   */
  @Property(tries = 12)
  void everyRecordEndsWhereTheSpecSaysAcrossBatches(@ForAll("longInputs") Input input)
      throws IOException {
    checkEveryFate(input);
  }

  private void checkEveryFate(Input input) throws IOException {
    Path run = Files.createTempDirectory(dir, "run");
    Path events = run.resolve(input.ndjson() ? "events.ndjson" : "events.json");
    String text =
        input.ndjson()
            ? String.join("\n", input.records()) + "\n"
            : "[" + String.join(",\n", input.records()) + "]";
    Files.writeString(events, text, StandardCharsets.UTF_8);
    Path users =
        Files.writeString(run.resolve("users.csv"), input.usersCsv(), StandardCharsets.UTF_8);
    Path output = run.resolve("out");

    // Random streams are often all rejects: this property is about each record's fate, so no
    // quality gate stops a run (QualityGatesTest covers the gates).
    RunResult result =
        EtlPipeline.of(
                PipelineOptions.builder()
                    .events(events)
                    .users(users)
                    .output(output)
                    .qualityGates(QualityGates.off())
                    .build())
            .run();

    SpecOracle.Result oracle = SpecOracle.run(events, users);
    assertThat(result.invariantHolds()).isTrue();
    assertThat(result.recordsRead()).isEqualTo(oracle.recordsRead());
    assertThat(result.cleanEvents()).isEqualTo(oracle.clean());
    assertThat(result.dailySummaryRows()).isEqualTo(oracle.dailyRows());
    assertThat(result.users().users()).isEqualTo(oracle.distinctUsers());
    assertThat(result.users().invalidSignupDates()).isEqualTo(oracle.invalidSignupDates());
    for (RejectReason reason : RejectReason.values()) {
      assertThat(result.rejected(reason))
          .as(reason.code())
          .isEqualTo(SpecOracle.count(oracle, reason));
    }
    List<String> fates = new ArrayList<>(Collections.nCopies((int) result.recordsRead(), "clean"));
    for (Map<String, Object> row :
        query(
            "SELECT record_index, reason FROM read_parquet("
                + literal(output.resolve(Output.REJECTED_EVENTS.fileName()))
                + ")")) {
      fates.set(((Long) row.get("record_index")).intValue(), (String) row.get("reason"));
    }
    assertThat(fates).isEqualTo(oracle.fates());
  }

  // ---- generators ---------------------------------------------------------------------------

  @Provide
  Arbitrary<Input> inputs() {
    return inputs(0, 25);
  }

  @Provide
  Arbitrary<Input> longInputs() {
    return inputs(60, 200);
  }

  private Arbitrary<Input> inputs(int minRecords, int maxRecords) {
    Arbitrary<List<String>> records =
        record()
            .list()
            .ofMinSize(minRecords)
            .ofMaxSize(maxRecords)
            .flatMap(
                list ->
                    Arbitraries.integers()
                        .between(0, list.size())
                        .list()
                        .ofMaxSize(Math.max(6, maxRecords / 4))
                        .map(copies -> withCopies(list, copies)));
    return Combinators.combine(records, usersCsv(), Arbitraries.of(true, false))
        .as((r, u, nd) -> new Input(nd ? notArrayFirst(r) : r, u, nd));
  }

  /**
   * An NDJSON file whose first non-blank byte is {@code [} is an array by docs/spec.md 1.1 (and
   * then fatal from its second line), so NDJSON inputs start with an object.
   */
  static List<String> notArrayFirst(List<String> records) {
    if (records.isEmpty() || !records.get(0).startsWith("[")) {
      return records;
    }
    List<String> out = new ArrayList<>(records);
    out.add(0, "{}");
    return out;
  }

  /** Appends exact copies of earlier records (duplicates, when they pass steps 1–3). */
  static List<String> withCopies(List<String> records, List<Integer> copies) {
    List<String> out = new ArrayList<>(records);
    for (int i : copies) {
      if (!records.isEmpty()) {
        out.add(Math.min(i, out.size()), records.get(i % records.size()));
      }
    }
    return out;
  }

  static Arbitrary<String> record() {
    Arbitrary<String> field =
        Arbitraries.oneOf(
            userId().map(v -> "\"user_id\":" + v),
            eventType().map(v -> "\"event_type\":" + v),
            timestamp().map(v -> "\"timestamp\":" + v),
            value().map(v -> "\"value\":" + v),
            metadata().map(v -> "\"metadata\":" + v),
            anyValue().map(v -> "\"other\":" + v));
    Arbitrary<String> wellFormed =
        Combinators.combine(userId(), eventType(), timestamp(), value(), metadata())
            .as(
                (u, e, t, v, m) ->
                    "{\"user_id\":"
                        + u
                        + ",\"event_type\":"
                        + e
                        + ",\"timestamp\":"
                        + t
                        + ",\"value\":"
                        + v
                        + ",\"metadata\":"
                        + m
                        + "}");
    Arbitrary<String> mixed = field.list().ofMaxSize(8).map(f -> "{" + String.join(",", f) + "}");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, wellFormed),
        net.jqwik.api.Tuple.of(3, mixed),
        net.jqwik.api.Tuple.of(1, anyValue()));
  }

  static Arbitrary<String> userId() {
    return Arbitraries.oneOf(
        Arbitraries.of(IDS).map(id -> "\"" + id + "\""),
        Arbitraries.of(
            "\" u1 \"",
            "\"\\tu2\"",
            "\"\"",
            "\"  \"",
            "7",
            "-0",
            "7.0",
            "1.5",
            "18446744073709551616",
            "true",
            "null",
            "{}",
            "[\"u1\"]",
            "\"U1\""));
  }

  static Arbitrary<String> eventType() {
    return Arbitraries.of(
        "\"login\"",
        "\"login\"",
        "\"claim\"",
        "null",
        "\"\"",
        "1",
        "false",
        "{\"a\":1}",
        "[]",
        "\"é😀\"");
  }

  static Arbitrary<String> timestamp() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "\"2024-03-15T14:22:05Z\"",
            "\"2024-03-15T14:22:05.000Z\"",
            "\"2024-03-15 23:59:59-05:00\"",
            "\"2024-01-01T00:00+1400\"",
            "\"0001-01-01T00:00:00Z\""),
        Arbitraries.of(
            "\"2024-02-30T10:00:00Z\"",
            "\"2024-03-15\"",
            "\"yesterday\"",
            "\"\"",
            "1710512525",
            "null",
            "{}",
            "\" 2024-03-15T14:22:05Z\"",
            "\"2024-03-15T24:00:00Z\""));
  }

  static Arbitrary<String> value() {
    return Arbitraries.of(
        "1",
        "1.0",
        "10",
        "1e1",
        "-0",
        "0",
        "-0.0",
        "0.1",
        "null",
        "\"5\"",
        "true",
        "[1]",
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
        "1E-400");
  }

  static Arbitrary<String> metadata() {
    return Arbitraries.of(
        "null",
        "{}",
        "{\"device\":\"ios\"}",
        "{\"device\":\"ios\",\"page\":null}",
        "{\"device\":5}",
        "{\"page\":{}}",
        "{\"device\":1,\"device\":\"web\"}",
        "\"x\"",
        "[]",
        "{\"other\":[1,{\"device\":2}]}");
  }

  static Arbitrary<String> anyValue() {
    return Arbitraries.of(
        "null",
        "1",
        "\"s\"",
        "[]",
        "[1,{\"user_id\":\"u1\"}]",
        "true",
        "{}",
        "{\"user_id\":\"u1\",\"user_id\":null,\"timestamp\":\"2024-03-15T14:22:05Z\"}");
  }

  static Arbitrary<String> usersCsv() {
    Arbitrary<String> row =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.of(IDS), Arbitraries.of(" u1", "u2 ", "", " ", "\"u3\"", "U1")),
                Arbitraries.of("2024-01-01", " 2023-12-31 ", "2023-02-29", "", "x", "2024-1-1"),
                Arbitraries.of(
                    "US",
                    "us",
                    "USA",
                    " united states ",
                    "United States of America",
                    "CA",
                    "",
                    " ",
                    "\"US\"",
                    "de"))
            .as((id, date, country) -> id + "," + date + "," + country);
    Arbitrary<String> header =
        Arbitraries.of("user_id,signup_date,country", " User_ID ,SIGNUP_DATE,Country");
    return Combinators.combine(header, row.list().ofMaxSize(8), Arbitraries.of("\n", "\r\n"))
        .as((h, rows, nl) -> h + nl + String.join(nl, rows) + nl);
  }
}
