package com.benefits.etl;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.benefits.etl.testing.TestFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a small hand-written input that exercises every step of docs/spec.md,
 * section 2, with the outputs read back by DuckDB. Record numbers in comments are indexes in
 * events.json.
 */
class PipelineEndToEndTest {
  @TempDir Path dir;
  Path events;
  Path users;
  Path output;

  @BeforeEach
  void inputs() {
    events = TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    output = dir.resolve("out");
  }

  private RunResult run(Path eventsFile) {
    return EtlPipeline.of(eventsFile, users, output).run();
  }

  @Test
  void countsEveryStepAndKeepsTheInvariant() {
    RunResult r = run(events);

    assertThat(r.recordsRead()).isEqualTo(17);
    assertThat(r.cleanEvents()).isEqualTo(5);
    assertThat(r.rejected())
        .containsOnly(
            entry(RejectReason.MALFORMED_RECORD, 2L),
            entry(RejectReason.MISSING_USER_ID, 2L),
            entry(RejectReason.INVALID_TIMESTAMP, 2L),
            entry(RejectReason.DUPLICATE, 3L),
            entry(RejectReason.UNKNOWN_USER, 1L),
            entry(RejectReason.FILTERED_COUNTRY, 2L));
    assertThat(r.invariantHolds()).isTrue();
    assertThat(r.dailySummaryRows()).isEqualTo(3);
    assertThat(r.users().rows()).isEqualTo(7);
    assertThat(r.users().users()).isEqualTo(5);
    assertThat(r.users().blankIds()).isEqualTo(1);
    assertThat(r.users().duplicateIds()).isEqualTo(1);
    assertThat(r.users().invalidSignupDates()).isEqualTo(1);
  }

  @Test
  void cleanEventsHoldTheJoinedRowsInInputOrder() {
    run(events);

    List<Map<String, Object>> rows =
        query(
            "SELECT * FROM read_parquet(" + literal(output.resolve("clean_events.parquet")) + ")");

    assertThat(rows)
        .extracting(row -> row.get("user_id"))
        .containsExactly("u1", "u1", "u2", "42", "u1");
    assertThat(rows.get(0))
        .containsExactly(
            entry("user_id", "u1"),
            entry("event_type", "login"),
            entry("timestamp", "2024-03-15T14:22:05Z"),
            entry("timestamp_dt", Instant.parse("2024-03-15T14:22:05Z")),
            entry("event_date", LocalDate.of(2024, 3, 15)),
            entry("value", 10.0),
            entry("device", "mobile"),
            entry("page", "/home"),
            entry("signup_date", LocalDate.of(2024, 1, 1)),
            entry("country", "US"));
    // Record 2: the same instant as record 0 written differently is not a duplicate.
    assertThat(rows.get(1))
        .containsEntry("timestamp", "2024-03-15T14:22:05+00:00")
        .containsEntry("timestamp_dt", Instant.parse("2024-03-15T14:22:05Z"));
    // Record 3: trimmed id, absent fields null, fraction truncated, the UTC date is the next day,
    // invalid signup date null.
    assertThat(rows.get(2))
        .containsEntry("timestamp", "2024-03-15 23:59:59.9999999-01:00")
        .containsEntry("timestamp_dt", Instant.parse("2024-03-16T00:59:59.999999Z"))
        .containsEntry("event_date", LocalDate.of(2024, 3, 16))
        .containsEntry("event_type", null)
        .containsEntry("value", null)
        .containsEntry("device", null)
        .containsEntry("signup_date", null)
        .containsEntry("country", "US");
    // Record 4: an integer user id, rendered in decimal, joined to the users row "42".
    assertThat(rows.get(3))
        .containsEntry("timestamp_dt", Instant.parse("2024-03-15T19:22:00Z"))
        .containsEntry("signup_date", LocalDate.of(2020, 2, 29))
        .containsEntry("value", -0.0);
    // Record 15: the UTC date is the day before the local one.
    assertThat(rows.get(4))
        .containsEntry("event_date", LocalDate.of(2024, 3, 15))
        .containsEntry("page", "/benefits/é");
  }

  @Test
  void aUsersFileWithRepeatedIdsNeverMultipliesEvents() {
    // users.csv has u1 twice (2024-01-01 US, then 2019-01-01 US): the first row wins, once.
    RunResult r = run(events);

    assertThat(
            query(
                "SELECT count(*) AS n, min(signup_date) AS first, max(signup_date) AS last"
                    + " FROM read_parquet("
                    + literal(output.resolve("clean_events.parquet"))
                    + ")"
                    + " WHERE user_id = 'u1'"))
        .containsExactly(
            Map.of("n", 3L, "first", LocalDate.of(2024, 1, 1), "last", LocalDate.of(2024, 1, 1)));
    assertThat(r.cleanEvents() + r.rejectedTotal()).isEqualTo(r.recordsRead());
  }

  @Test
  void dailySummaryCountsPerUserAndUtcDateInOrder() {
    run(events);

    assertThat(
            query(
                "SELECT user_id, event_date, event_count FROM read_parquet("
                    + literal(output.resolve("daily_summary.parquet"))
                    + ")"))
        .containsExactly(
            Map.of("user_id", "42", "event_date", LocalDate.of(2024, 3, 15), "event_count", 1L),
            Map.of("user_id", "u1", "event_date", LocalDate.of(2024, 3, 15), "event_count", 3L),
            Map.of("user_id", "u2", "event_date", LocalDate.of(2024, 3, 16), "event_count", 1L));
  }

  @Test
  void rejectsNameReasonDetailAndTheRecordAsWritten() throws IOException {
    run(events);

    List<Map<String, Object>> rows =
        query(
            "SELECT * FROM read_parquet("
                + literal(output.resolve("rejected_events.parquet"))
                + ") ORDER BY record_index");

    assertThat(rows)
        .extracting(row -> row.get("record_index"))
        .containsExactly(1L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 16L);
    assertThat(rows)
        .extracting(row -> row.get("reason"))
        .containsExactly(
            "duplicate",
            "missing_user_id",
            "missing_user_id",
            "invalid_timestamp",
            "invalid_timestamp",
            "malformed_record",
            "malformed_record",
            "unknown_user",
            "duplicate",
            "filtered_country",
            "filtered_country",
            "duplicate");
    assertThat(detailOf(rows, 1)).contains("record 0");
    assertThat(detailOf(rows, 12)).contains("record 11");
    assertThat(detailOf(rows, 16)).contains("record 4");
    assertThat(detailOf(rows, 7)).contains("2024-02-30T10:00:00Z");
    assertThat(detailOf(rows, 8)).contains("1710512525");
    assertThat(detailOf(rows, 9)).contains("value").contains("12");
    assertThat(detailOf(rows, 11)).contains("u9");
    assertThat(detailOf(rows, 13)).contains("CA");

    List<String> original = elementsOf(events);
    for (Map<String, Object> row : rows) {
      int index = ((Long) row.get("record_index")).intValue();
      assertThat(row.get("raw_record"))
          .as("raw_record of %d", index)
          .isEqualTo(original.get(index));
    }
  }

  private static String detailOf(List<Map<String, Object>> rows, long index) {
    return rows.stream()
        .filter(r -> r.get("record_index").equals(index))
        .findFirst()
        .map(r -> (String) r.get("detail"))
        .orElseThrow();
  }

  /** The exact text of each element of a JSON array, found independently of the reader. */
  private static List<String> elementsOf(Path array) throws IOException {
    byte[] bytes = Files.readAllBytes(array);
    List<String> elements = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(bytes)) {
      p.nextToken();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        int from = (int) p.currentTokenLocation().getByteOffset();
        p.skipChildren();
        int to = (int) p.currentLocation().getByteOffset();
        elements.add(new String(Arrays.copyOfRange(bytes, from, to), StandardCharsets.UTF_8));
      }
    }
    return elements;
  }

  /**
   * docs/spec.md 1.1: an NDJSON line that is not UTF-8 is a malformed record, and its raw text,
   * with U+FFFD for each bad sequence, is a string any Parquet reader takes (Parquet strings are
   * UTF-8).
   */
  @Test
  void anNdjsonLineThatIsNotUtf8IsRejectedWithItsTextReadable() throws IOException {
    Path ndjson = dir.resolve("bad.ndjson");
    byte[] bad =
        concat(
            "{\"user_id\":\"u".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xC3, (byte) 0xA9, (byte) 0xFF, (byte) 0xC3},
            "\",\"timestamp\":\"2024-03-15T14:22:05Z\"}".getBytes(StandardCharsets.UTF_8));
    Files.write(
        ndjson,
        concat(
            "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\"}\n"
                .getBytes(StandardCharsets.UTF_8),
            bad,
            new byte[] {'\n'}));

    run(ndjson);

    assertThat(
            query(
                "SELECT reason, raw_record FROM read_parquet("
                    + literal(output.resolve("rejected_events.parquet"))
                    + ") WHERE record_index = 1"))
        .containsExactly(
            Map.of(
                "reason",
                "malformed_record",
                "raw_record",
                "{\"user_id\":\"ué\uFFFD\uFFFD\",\"timestamp\":\"2024-03-15T14:22:05Z\"}"));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void ndjsonAndGzipGiveTheSameOutputs() throws IOException {
    RunResult fromArray = run(events);
    List<Map<String, Object>> clean =
        query(
            "SELECT * FROM read_parquet(" + literal(output.resolve("clean_events.parquet")) + ")");
    List<Map<String, Object>> daily =
        query(
            "SELECT * FROM read_parquet(" + literal(output.resolve("daily_summary.parquet")) + ")");

    Path ndjson = dir.resolve("events.ndjson");
    List<String> lines = new ArrayList<>();
    for (String element : elementsOf(events)) {
      lines.add(element);
      lines.add("   ");
    }
    Files.write(ndjson, lines, StandardCharsets.UTF_8);
    for (Path input :
        List.of(
            ndjson,
            TestFiles.gzip(ndjson, dir.resolve("events.ndjson.gz")),
            TestFiles.gzip(events, dir.resolve("events.json.gz")))) {
      RunResult r = run(input);
      assertThat(r.rejected()).as(input.toString()).isEqualTo(fromArray.rejected());
      assertThat(
              query(
                  "SELECT * FROM read_parquet("
                      + literal(output.resolve("clean_events.parquet"))
                      + ")"))
          .isEqualTo(clean);
      assertThat(
              query(
                  "SELECT * FROM read_parquet("
                      + literal(output.resolve("daily_summary.parquet"))
                      + ")"))
          .isEqualTo(daily);
    }
  }

  @Test
  void outputsHaveExactlyTheTabledParquetTypes() {
    run(events);

    assertThat(schema("clean_events.parquet"))
        .containsExactly(
            "user_id BYTE_ARRAY REQUIRED STRING",
            "event_type BYTE_ARRAY OPTIONAL STRING",
            "timestamp BYTE_ARRAY REQUIRED STRING",
            "timestamp_dt INT64 REQUIRED TIMESTAMP(MICROS,true)",
            "event_date INT32 REQUIRED DATE",
            "value DOUBLE OPTIONAL ",
            "device BYTE_ARRAY OPTIONAL STRING",
            "page BYTE_ARRAY OPTIONAL STRING",
            "signup_date INT32 OPTIONAL DATE",
            "country BYTE_ARRAY REQUIRED STRING");
    assertThat(schema("daily_summary.parquet"))
        .containsExactly(
            "user_id BYTE_ARRAY REQUIRED STRING",
            "event_date INT32 REQUIRED DATE",
            "event_count INT64 REQUIRED ");
    assertThat(schema("rejected_events.parquet"))
        .containsExactly(
            "record_index INT64 REQUIRED ",
            "reason BYTE_ARRAY REQUIRED STRING",
            "detail BYTE_ARRAY REQUIRED STRING",
            "raw_record BYTE_ARRAY REQUIRED STRING");
    for (String file :
        List.of("clean_events.parquet", "daily_summary.parquet", "rejected_events.parquet")) {
      assertThat(
              queryOne(
                  "SELECT count(*) AS chunks, count(*) FILTER (compression = 'SNAPPY')"
                      + " AS snappy, count(*) FILTER (stats_null_count IS NOT NULL) AS with_stats"
                      + " FROM parquet_metadata("
                      + literal(output.resolve(file))
                      + ")"))
          .satisfies(m -> assertThat(m.get("snappy")).isEqualTo(m.get("chunks")))
          .satisfies(m -> assertThat(m.get("with_stats")).isEqualTo(m.get("chunks")));
    }
  }

  /** "name PHYSICAL REPETITION LOGICAL" per leaf column, from DuckDB's parquet_schema(). */
  private List<String> schema(String file) {
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> row :
        query(
            "SELECT name, type, repetition_type, logical_type"
                + " FROM parquet_schema("
                + literal(output.resolve(file))
                + ") WHERE type IS NOT NULL")) {
      columns.add(
          row.get("name")
              + " "
              + row.get("type")
              + " "
              + row.get("repetition_type")
              + " "
              + logical(row.get("logical_type")));
    }
    return columns;
  }

  private static String logical(Object logicalType) {
    if (logicalType == null) {
      return "";
    }
    String s = logicalType.toString();
    if (s.contains("StringType")) {
      return "STRING";
    }
    if (s.contains("DateType")) {
      return "DATE";
    }
    if (s.contains("TimestampType")) {
      return "TIMESTAMP("
          + (s.contains("MICROS") ? "MICROS" : "?")
          + ","
          + s.contains("isAdjustedToUTC=1")
          + ")";
    }
    return s;
  }
}
