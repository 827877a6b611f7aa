package com.benefits.etl.spark;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.Output;
import com.benefits.etl.testing.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares a Spark engine output directory with an embedded engine one, through DuckDB (an
 * independent reader): every Parquet output row for row, in order (the embedded engine's single
 * file against the Spark engine's part files read one by one in name order), each part file's
 * columns (name, physical and logical type, repetition) and compression, and the run reports'
 * counts.
 */
final class Compare {
  private Compare() {}

  /** Asserts that the two output directories hold the same outputs. */
  static void sameOutputs(Path embedded, Path spark) {
    for (Output o : List.of(Output.CLEAN_EVENTS, Output.DAILY_SUMMARY, Output.REJECTED_EVENTS)) {
      Path file = embedded.resolve(o.fileName());
      Path dir = spark.resolve(o.fileName());
      assertThat(file).isRegularFile();
      assertThat(dir).isDirectory();
      List<Path> parts = parts(dir);
      assertThat(parts).as(o + " part files").isNotEmpty();
      List<Map<String, Object>> expectedSchema = schema(file);
      for (Path part : parts) {
        assertThat(schema(part))
            .as(o + " schema of " + part.getFileName())
            .isEqualTo(expectedSchema);
        assertThat(compressions(part)).as(o + " compression").isSubsetOf("SNAPPY");
      }
      List<Map<String, Object>> expected = rows(file);
      List<Map<String, Object>> actual = new ArrayList<>();
      for (Path part : parts) {
        actual.addAll(rows(part));
      }
      assertThat(actual.size()).as(o + " rows").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).as(o + " row " + i).isEqualTo(expected.get(i));
      }
    }
    assertThat(reportCounts(spark)).isEqualTo(reportCounts(embedded));
  }

  /** The Spark engine's part files of one output, in name order. */
  static List<Path> parts(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("part-"))
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, Object>> rows(Path parquet) {
    return query("SELECT * FROM read_parquet(" + literal(parquet) + ")");
  }

  /** Each leaf column's name, physical type, repetition, and logical type. */
  static List<Map<String, Object>> schema(Path parquet) {
    return query(
        "SELECT name, type, repetition_type, converted_type, logical_type FROM parquet_schema("
            + literal(parquet)
            + ") WHERE type IS NOT NULL");
  }

  static List<Object> compressions(Path parquet) {
    return DuckDb.query(
            "SELECT DISTINCT compression FROM parquet_metadata(" + literal(parquet) + ")")
        .stream()
        .map(r -> r.get("compression"))
        .toList();
  }

  /** The run report's numbers under "users" and "counts". */
  static Map<String, Long> reportCounts(Path dir) {
    try {
      String json = Files.readString(dir.resolve(Output.RUN_REPORT.fileName()));
      Map<String, Long> counts = new TreeMap<>();
      for (String section : List.of("users", "counts")) {
        Matcher block = Pattern.compile("\"" + section + "\"\\s*:\\s*\\{([^{}]*)\\}").matcher(json);
        boolean found = false;
        while (block.find()) { // "users" is also an input's name: both blocks are kept
          found = true;
          Matcher field = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)").matcher(block.group(1));
          while (field.find()) {
            counts.put(section + "." + field.group(1), Long.parseLong(field.group(2)));
          }
        }
        assertThat(found).as(section + " in " + dir).isTrue();
      }
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
