package com.benefits.etl.internal.write;

import static com.benefits.etl.internal.write.ParquetInspection.DATE;
import static com.benefits.etl.internal.write.ParquetInspection.STRING;
import static com.benefits.etl.internal.write.ParquetInspection.TIMESTAMP_MICROS_UTC;
import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.write.ParquetInspection.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanEventsWriterTest {

  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  @TempDir Path dir;

  @Test
  void valuesReadBackByDuckDbEqualWhatWasWritten() throws IOException {
    List<CleanEvent> rows =
        List.of(
            event(
                "u-1",
                "click",
                "2024-03-15T14:22:05.123456789+02:00",
                Instant.parse("2024-03-15T12:22:05.123456Z"),
                42.5,
                "mobile",
                "/home",
                LocalDate.of(2023, 1, 31),
                "US"),
            event(
                "ünïcødé 用户 🎉",
                null,
                "2024-03-15 14:22:05",
                Instant.parse("2024-03-15T14:22:05Z"),
                null,
                null,
                null,
                null,
                "US"),
            event(
                "epoch",
                "view",
                "1970-01-01T00:00:00Z",
                Instant.EPOCH,
                -0.0,
                "ü",
                "página/ñ",
                LocalDate.EPOCH,
                "US"),
            event(
                "before-epoch",
                "",
                "1969-12-31T23:59:59.999999Z",
                Instant.parse("1969-12-31T23:59:59.999999Z"),
                -1.5e300,
                "",
                "",
                LocalDate.of(1969, 12, 31),
                "US"),
            event(
                "first",
                "purchase",
                "0001-01-01T00:00:00Z",
                MIN,
                Double.MIN_VALUE,
                "tv",
                "p",
                LocalDate.of(1, 1, 1),
                "US"),
            event(
                "last",
                "purchase",
                "9999-12-31T23:59:59.999999Z",
                MAX,
                Double.MAX_VALUE,
                "tv",
                "p",
                LocalDate.of(9999, 12, 31),
                "US"));
    Path file = write(rows);

    List<Map<String, Object>> actual = query("SELECT * FROM read_parquet(" + literal(file) + ")");

    assertThat(actual).containsExactlyElementsOf(rows.stream().map(this::expected).toList());
  }

  @Test
  void schemaIsExactlyTheSpecTable() throws IOException {
    Path file = write(List.of());

    assertThat(ParquetInspection.columns(file))
        .containsExactly(
            new Column("user_id", "BYTE_ARRAY", "REQUIRED", "UTF8", STRING),
            new Column("event_type", "BYTE_ARRAY", "OPTIONAL", "UTF8", STRING),
            new Column("timestamp", "BYTE_ARRAY", "REQUIRED", "UTF8", STRING),
            new Column(
                "timestamp_dt", "INT64", "REQUIRED", "TIMESTAMP_MICROS", TIMESTAMP_MICROS_UTC),
            new Column("event_date", "INT32", "REQUIRED", "DATE", DATE),
            new Column("value", "DOUBLE", "OPTIONAL", null, null),
            new Column("device", "BYTE_ARRAY", "OPTIONAL", "UTF8", STRING),
            new Column("page", "BYTE_ARRAY", "OPTIONAL", "UTF8", STRING),
            new Column("signup_date", "INT32", "OPTIONAL", "DATE", DATE),
            new Column("country", "BYTE_ARRAY", "REQUIRED", "UTF8", STRING));
    assertThat(
            query(
                "SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet("
                    + literal(file)
                    + "))"))
        .extracting(row -> row.get("column_type"))
        .containsExactly(
            "VARCHAR",
            "VARCHAR",
            "VARCHAR",
            "TIMESTAMP WITH TIME ZONE",
            "DATE",
            "DOUBLE",
            "VARCHAR",
            "VARCHAR",
            "DATE",
            "VARCHAR");
  }

  @Test
  void manyRowsAreSnappyCompressedDictionaryEncodedWithStatistics() throws IOException {
    String[] types = {"click", "view", "purchase"};
    String[] devices = {"mobile", "desktop"};
    List<CleanEvent> rows = new ArrayList<>();
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 10_000; i++) {
      Instant at = start.plus(i * 7_919L, ChronoUnit.MILLIS).plusNanos(1_000L * (i % 1000));
      rows.add(
          event(
              "user-" + (i % 500),
              types[i % 3],
              at.toString(),
              at,
              i * 0.25,
              devices[i % 2],
              "/page/" + (i % 10),
              LocalDate.of(2023, 1 + i % 12, 1),
              "US"));
    }
    Path file = write(rows);

    ParquetInspection.assertSnappyWithStatistics(file);
    for (String column : List.of("country", "event_type", "device", "page", "user_id")) {
      assertThat(ParquetInspection.encodings(file, column))
          .as(column)
          .allSatisfy(encodings -> assertThat(encodings).contains("PLAIN_DICTIONARY"));
    }
    assertThat(
            queryOne(
                "SELECT count(*) AS n, count(DISTINCT user_id) AS users,"
                    + " min(timestamp_dt) AS first FROM read_parquet("
                    + literal(file)
                    + ")"))
        .containsEntry("n", 10_000L)
        .containsEntry("users", 500L)
        .containsEntry("first", start);
  }

  @Test
  void nullOptionalColumnsAreCountedAsNulls() throws IOException {
    Path file =
        write(
            List.of(
                event("a", null, "t", Instant.EPOCH, null, null, null, null, "US"),
                event("b", "click", "t", Instant.EPOCH, 1.0, "d", "p", LocalDate.EPOCH, "US")));

    Map<String, Object> nulls = new LinkedHashMap<>();
    for (Map<String, Object> chunk : ParquetInspection.chunks(file)) {
      nulls.put((String) chunk.get("path_in_schema"), chunk.get("stats_null_count"));
    }
    assertThat(nulls).containsExactlyEntriesOf(orderedNulls());
  }

  private static Map<String, Object> orderedNulls() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("user_id", 0L);
    expected.put("event_type", 1L);
    expected.put("timestamp", 0L);
    expected.put("timestamp_dt", 0L);
    expected.put("event_date", 0L);
    expected.put("value", 1L);
    expected.put("device", 1L);
    expected.put("page", 1L);
    expected.put("signup_date", 1L);
    expected.put("country", 0L);
    return expected;
  }

  private Path write(List<CleanEvent> rows) throws IOException {
    Path file = dir.resolve("clean_events.parquet");
    try (ParquetTableWriter<CleanEvent> writer = CleanEventsWriter.open(file)) {
      for (CleanEvent row : rows) {
        writer.write(row);
      }
      assertThat(writer.rowsWritten()).isEqualTo(rows.size());
    }
    return file;
  }

  private static CleanEvent event(
      String userId,
      String eventType,
      String timestamp,
      Instant instant,
      Double value,
      String device,
      String page,
      LocalDate signupDate,
      String country) {
    long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    int eventDate = (int) LocalDate.ofInstant(instant, ZoneOffset.UTC).toEpochDay();
    Integer signup = signupDate == null ? null : (int) signupDate.toEpochDay();
    return new CleanEvent(
        userId, eventType, timestamp, micros, eventDate, value, device, page, signup, country);
  }

  private Map<String, Object> expected(CleanEvent row) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("user_id", row.userId());
    map.put("event_type", row.eventType());
    map.put("timestamp", row.timestamp());
    map.put("timestamp_dt", Instant.EPOCH.plus(row.timestampMicros(), ChronoUnit.MICROS));
    map.put("event_date", LocalDate.ofEpochDay(row.eventDate()));
    map.put("value", row.value());
    map.put("device", row.device());
    map.put("page", row.page());
    map.put(
        "signup_date", row.signupDate() == null ? null : LocalDate.ofEpochDay(row.signupDate()));
    map.put("country", row.country());
    return map;
  }
}
