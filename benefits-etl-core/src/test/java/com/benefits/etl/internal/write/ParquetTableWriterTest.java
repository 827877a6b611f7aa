package com.benefits.etl.internal.write;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LONG;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.model.RejectedRecord;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableWriterTest {

  @TempDir Path dir;

  @Test
  void emptyFilesAreValidParquetWithTheFullSchema() throws IOException {
    Path clean = dir.resolve("clean_events.parquet");
    Path daily = dir.resolve("daily_summary.parquet");
    Path rejects = dir.resolve("rejected_events.parquet");
    CleanEventsWriter.open(clean).close();
    DailySummaryWriter.open(daily).close();
    RejectsWriter.open(rejects).close();

    for (Path file : List.of(clean, daily, rejects)) {
      assertThat(queryOne("SELECT count(*) AS n FROM read_parquet(" + literal(file) + ")"))
          .containsEntry("n", 0L);
      assertThat(queryOne("SELECT num_rows FROM parquet_file_metadata(" + literal(file) + ")"))
          .containsEntry("num_rows", 0L);
    }
    assertThat(ParquetInspection.columns(clean)).hasSize(10);
    assertThat(ParquetInspection.columns(daily)).hasSize(3);
    assertThat(ParquetInspection.columns(rejects)).hasSize(4);
  }

  @Test
  void anExistingFileIsOverwritten() throws IOException {
    Path file = dir.resolve("daily_summary.parquet");
    Files.writeString(
        file,
        "not parquet, and longer than the file that replaces it ".repeat(100),
        StandardCharsets.UTF_8);

    try (ParquetTableWriter<DailyCount> writer = DailySummaryWriter.open(file)) {
      writer.write(new DailyCount("a", 0, 1));
    }

    assertThat(query("SELECT user_id FROM read_parquet(" + literal(file) + ")"))
        .extracting(row -> row.get("user_id"))
        .containsExactly("a");
  }

  @Test
  void countsRowsAndRejectsUseAfterClose() throws IOException {
    Path file = dir.resolve("rejected_events.parquet");
    RejectedRecord row = new RejectedRecord(0, RejectReason.UNKNOWN_USER, "d", "{}");
    ParquetTableWriter<RejectedRecord> writer = RejectsWriter.open(file);
    assertThat(writer.file()).isEqualTo(file);
    assertThat(writer.rowsWritten()).isZero();
    writer.write(row);
    writer.write(row);
    assertThat(writer.rowsWritten()).isEqualTo(2);

    writer.close();
    writer.close();

    assertThat(writer.rowsWritten()).isEqualTo(2);
    assertThatThrownBy(() -> writer.write(row))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Parquet writer for " + file + " is closed");
  }

  @Test
  void nullRowIsRejectedWithoutBeingCounted() throws IOException {
    try (ParquetTableWriter<DailyCount> writer =
        DailySummaryWriter.open(dir.resolve("daily_summary.parquet"))) {
      assertThatThrownBy(() -> writer.write(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("row is null");
      assertThat(writer.rowsWritten()).isZero();
    }
  }

  @Test
  void optionsSetTheRowGroupSize() throws IOException {
    Path file = dir.resolve("daily_summary.parquet");
    ParquetWriterOptions small =
        ParquetWriterOptions.builder()
            .rowGroupSizeBytes(16 * 1024)
            .pageSizeBytes(4 * 1024)
            .dictionaryPageSizeBytes(4 * 1024)
            .build();
    int rows = 50_000;
    try (ParquetTableWriter<DailyCount> writer = DailySummaryWriter.open(file, small)) {
      for (int i = 0; i < rows; i++) {
        writer.write(new DailyCount("user-" + i, i, i));
      }
    }

    assertThat(
            queryOne("SELECT num_row_groups FROM parquet_file_metadata(" + literal(file) + ")")
                .get("num_row_groups"))
        .asInstanceOf(LONG)
        .isGreaterThan(1L);
    assertThat(
            queryOne(
                "SELECT count(*) AS n, sum(event_count) AS total FROM read_parquet("
                    + literal(file)
                    + ")"))
        .containsEntry("n", (long) rows)
        .containsEntry("total", BigInteger.valueOf((long) rows * (rows - 1) / 2));
    ParquetInspection.assertSnappyWithStatistics(file);
  }
}
