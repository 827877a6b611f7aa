package com.benefits.etl.internal.write;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a Parquet file's schema and column-chunk metadata back through DuckDB. */
final class ParquetInspection {

  /** One leaf column as DuckDB's {@code parquet_schema} reports it. */
  record Column(
      String name, String type, String repetition, String convertedType, String logicalType) {}

  private ParquetInspection() {}

  static final String STRING = "StringType()";
  static final String DATE = "DateType()";
  static final String TIMESTAMP_MICROS_UTC =
      "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(),"
          + " NANOS=<null>))";

  /** The leaf columns in file order. */
  static List<Column> columns(Path file) {
    return query(
            "SELECT name, type, repetition_type, converted_type, logical_type"
                + " FROM parquet_schema("
                + literal(file)
                + ") WHERE num_children IS NULL ORDER BY column_id")
        .stream()
        .map(
            row ->
                new Column(
                    (String) row.get("name"),
                    (String) row.get("type"),
                    (String) row.get("repetition_type"),
                    (String) row.get("converted_type"),
                    (String) row.get("logical_type")))
        .toList();
  }

  /** One row per column chunk (row group x column). */
  static List<Map<String, Object>> chunks(Path file) {
    return query(
        "SELECT row_group_id, path_in_schema, compression, encodings, stats_null_count,"
            + " stats_min_value, stats_max_value FROM parquet_metadata("
            + literal(file)
            + ") ORDER BY row_group_id, column_id");
  }

  /** The encodings of the chunks of one column, e.g. "PLAIN_DICTIONARY, RLE, BIT_PACKED". */
  static List<String> encodings(Path file, String column) {
    return chunks(file).stream()
        .filter(chunk -> column.equals(chunk.get("path_in_schema")))
        .map(chunk -> (String) chunk.get("encodings"))
        .toList();
  }

  /**
   * docs/spec.md 3.5: every chunk is Snappy-compressed and carries a null count; with at least one
   * non-null value in the chunk, a min and max too.
   */
  static void assertSnappyWithStatistics(Path file) {
    List<Map<String, Object>> chunks = chunks(file);
    assertThat(chunks).isNotEmpty();
    for (Map<String, Object> chunk : chunks) {
      assertThat(chunk).as("chunk %s", chunk).containsEntry("compression", "SNAPPY");
      assertThat(chunk.get("stats_null_count")).as("null count of %s", chunk).isNotNull();
      assertThat(chunk.get("stats_min_value")).as("min of %s", chunk).isNotNull();
      assertThat(chunk.get("stats_max_value")).as("max of %s", chunk).isNotNull();
    }
  }
}
