package com.benefits.etl.internal.write;

import static com.benefits.etl.internal.write.ParquetInspection.STRING;
import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.RejectedRecord;
import com.benefits.etl.internal.rules.Rejection;
import com.benefits.etl.internal.write.ParquetInspection.Column;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

  /**
   * Raw texts given as UTF-8 bytes (as the pipeline gives a whole record's) write the same file,
   * byte for byte, as the same texts given as strings: every other row is given so, with texts that
   * repeat (the dictionary is filled from both sides) and then do not (it falls back to plain), in
   * ASCII and not.
   */
  @Test
  void rawTextsGivenAsUtf8WriteTheSameFileAsStrings() throws IOException {
    Random random = new Random(18);
    List<RejectedRecord> strings = new ArrayList<>();
    List<RejectedRecord> mixed = new ArrayList<>();
    String[] pieces = {"a", "visión", "😀", "€", "\\t", " "};
    for (int i = 0; i < 60_000; i++) {
      StringBuilder raw = new StringBuilder("{\"user_id\":\"");
      int n = i < 20_000 ? i % 50 : i;
      raw.append(n).append("\",\"p\":\"");
      for (int k = random.nextInt(8); k > 0; k--) {
        raw.append(pieces[(n + k) % pieces.length]);
      }
      String text = raw.append("\"}").toString();
      Rejection rejection = Rejection.duplicate(n);
      strings.add(RejectedRecord.of(i, rejection, text, null));
      mixed.add(
          i % 2 == 0
              ? RejectedRecord.of(i, rejection, null, text.getBytes(StandardCharsets.UTF_8))
              : RejectedRecord.of(i, rejection, text, null));
    }
    Path fromStrings = write(strings, "strings.parquet");
    Path fromMixed = write(mixed, "mixed.parquet");
    assertThat(Files.mismatch(fromStrings, fromMixed)).isEqualTo(-1L);
    assertThat(ParquetInspection.encodings(fromMixed, "raw_record"))
        .singleElement()
        .satisfies(encodings -> assertThat(encodings).contains("PLAIN_DICTIONARY", "PLAIN,"));
  }

  private Path write(List<RejectedRecord> rows) throws IOException {
    return write(rows, "rejected_events.parquet");
  }

  private Path write(List<RejectedRecord> rows, String name) throws IOException {
    Path file = dir.resolve(name);
    try (ParquetTableWriter<RejectedRecord> writer = RejectsWriter.open(file)) {
      for (RejectedRecord row : rows) {
        writer.write(row);
      }
    }
    return file;
  }
}
