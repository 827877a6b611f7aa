package com.benefits.etl.internal.write;

import static com.benefits.etl.internal.write.ParquetInspection.STRING;
import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.RejectedRecord;
import com.benefits.etl.internal.write.ParquetInspection.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTest {

  @TempDir Path dir;

  @Test
  void valuesReadBackByDuckDbEqualWhatWasWritten() throws IOException {
    String raw = "{\"user_id\": \"ü\", \"timestamp\": \"yesterday\",\n \"value\": 1e3}";
    Path file =
        write(
            List.of(
                new RejectedRecord(
                    0,
                    RejectReason.INVALID_TIMESTAMP,
                    "timestamp \"yesterday\" is not an ISO 8601 timestamp",
                    raw),
                new RejectedRecord(
                    Long.MAX_VALUE,
                    RejectReason.DUPLICATE,
                    "repeats record 0",
                    "not json at all ✗"),
                new RejectedRecord(7, RejectReason.MALFORMED_RECORD, "", "")));

    assertThat(query("SELECT * FROM read_parquet(" + literal(file) + ")"))
        .containsExactly(
            Map.of(
                "record_index",
                0L,
                "reason",
                "invalid_timestamp",
                "detail",
                "timestamp \"yesterday\" is not an ISO 8601 timestamp",
                "raw_record",
                raw),
            Map.of(
                "record_index",
                Long.MAX_VALUE,
                "reason",
                "duplicate",
                "detail",
                "repeats record 0",
                "raw_record",
                "not json at all ✗"),
            Map.of(
                "record_index", 7L, "reason", "malformed_record", "detail", "", "raw_record", ""));
  }

  @Test
  void schemaIsExactlyTheSpecTable() throws IOException {
    Path file = write(List.of());

    assertThat(ParquetInspection.columns(file))
        .containsExactly(
            new Column("record_index", "INT64", "REQUIRED", null, null),
            new Column("reason", "BYTE_ARRAY", "REQUIRED", "UTF8", STRING),
            new Column("detail", "BYTE_ARRAY", "REQUIRED", "UTF8", STRING),
            new Column("raw_record", "BYTE_ARRAY", "REQUIRED", "UTF8", STRING));
  }

  @Test
  void manyRowsAreSnappyCompressedDictionaryEncodedWithStatistics() throws IOException {
    RejectReason[] reasons = RejectReason.values();
    List<RejectedRecord> rows = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      rows.add(
          new RejectedRecord(i, reasons[i % reasons.length], "detail " + i, "{\"n\": " + i + "}"));
    }
    Path file = write(rows);

    ParquetInspection.assertSnappyWithStatistics(file);
    assertThat(ParquetInspection.encodings(file, "reason"))
        .allSatisfy(encodings -> assertThat(encodings).contains("PLAIN_DICTIONARY"));
  }

  private Path write(List<RejectedRecord> rows) throws IOException {
    Path file = dir.resolve("rejected_events.parquet");
    try (ParquetTableWriter<RejectedRecord> writer = RejectsWriter.open(file)) {
      for (RejectedRecord row : rows) {
        writer.write(row);
      }
    }
    return file;
  }
}
