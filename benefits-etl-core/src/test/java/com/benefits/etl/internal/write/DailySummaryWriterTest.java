package com.benefits.etl.internal.write;

import static com.benefits.etl.internal.write.ParquetInspection.DATE;
import static com.benefits.etl.internal.write.ParquetInspection.STRING;
import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.write.ParquetInspection.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailySummaryWriterTest {

  @TempDir Path dir;

  @Test
  void valuesReadBackByDuckDbEqualWhatWasWritten() throws IOException {
    Path file =
        write(
            List.of(
                new DailyCount("a", day(1, 1, 1), 1),
                new DailyCount("a", -1, Long.MAX_VALUE),
                new DailyCount("ünïcødé 用户", 0, 0),
                new DailyCount("z", day(9999, 12, 31), 42)));

    assertThat(query("SELECT * FROM read_parquet(" + literal(file) + ")"))
        .containsExactly(
            Map.of("user_id", "a", "event_date", LocalDate.of(1, 1, 1), "event_count", 1L),
            Map.of(
                "user_id",
                "a",
                "event_date",
                LocalDate.of(1969, 12, 31),
                "event_count",
                Long.MAX_VALUE),
            Map.of("user_id", "ünïcødé 用户", "event_date", LocalDate.EPOCH, "event_count", 0L),
            Map.of("user_id", "z", "event_date", LocalDate.of(9999, 12, 31), "event_count", 42L));
  }

  @Test
  void schemaIsExactlyTheSpecTable() throws IOException {
    Path file = write(List.of(new DailyCount("a", 0, 1)));

    assertThat(ParquetInspection.columns(file))
        .containsExactly(
            new Column("user_id", "BYTE_ARRAY", "REQUIRED", "UTF8", STRING),
            new Column("event_date", "INT32", "REQUIRED", "DATE", DATE),
            new Column("event_count", "INT64", "REQUIRED", null, null));
  }

  @Test
  void manyRowsAreSnappyCompressedDictionaryEncodedWithStatistics() throws IOException {
    List<DailyCount> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(new DailyCount("user-" + (i / 20), day(2024, 1, 1) + i % 20, 1 + i % 7));
    }
    Path file = write(rows);

    ParquetInspection.assertSnappyWithStatistics(file);
    assertThat(ParquetInspection.encodings(file, "event_date"))
        .allSatisfy(encodings -> assertThat(encodings).contains("PLAIN_DICTIONARY"));
  }

  private static int day(int year, int month, int day) {
    return (int) LocalDate.of(year, month, day).toEpochDay();
  }

  private Path write(List<DailyCount> rows) throws IOException {
    Path file = dir.resolve("daily_summary.parquet");
    try (ParquetTableWriter<DailyCount> writer = DailySummaryWriter.open(file)) {
      for (DailyCount row : rows) {
        writer.write(row);
      }
    }
    return file;
  }
}
