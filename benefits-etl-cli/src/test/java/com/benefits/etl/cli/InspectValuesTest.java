package com.benefits.etl.cli;

import static com.benefits.etl.testing.DuckDb.literal;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code inspect} shows values of types the engines never write, in a file DuckDB writes: each
 * as a person reads it (and as DuckDB prints it), never as the bytes or numbers stored.
 */
class InspectValuesTest {
  @TempDir Path dir;

  @Test
  void valuesOfEveryKindAreShownAsTheyRead() throws Exception {
    Path file = dir.resolve("kinds.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone='UTC'");
      s.execute(
          "COPY (SELECT"
              + " 12.25::DECIMAL(9,2) AS small_decimal,"
              + " -123.4567::DECIMAL(30,4) AS wide_decimal,"
              + " TIME '12:34:56.789' AS time_of_day,"
              + " TIMESTAMP '2024-03-15 14:22:05.123456' AS local_ts,"
              + " TIMESTAMP_NS '2024-03-15 14:22:05.123456789' AS nanos_ts,"
              + " TIMESTAMPTZ '2024-03-15 14:22:05+02' AS utc_ts,"
              + " '6ba7b810-9dad-11d1-80b4-00c04fd430c8'::UUID AS id,"
              + " true AS flag,"
              + " 1.5::FLOAT AS ratio,"
              + " 250::UTINYINT AS small_unsigned,"
              + " 18446744073709551615::UBIGINT AS big_unsigned,"
              + " '\\xAA\\xBB'::BLOB AS bytes,"
              + " [1, 2, NULL] AS list,"
              + " MAP {'a': 1} AS map,"
              + " {'x': 'y', 'n': NULL::INTEGER} AS struct,"
              + " NULL::INTEGER AS missing,"
              + " 'a' || chr(10) || 'b' || chr(9) || 'c' || chr(8238) || 'd' AS controls,"
              + " repeat('0123456789', 10) AS long_text"
              + ") TO "
              + literal(file)
              + " (FORMAT PARQUET)");
    }

    CliResult r = CliResult.of("inspect", file.toString(), "--rows", "1");

    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    List<Map<String, String>> rows = InspectCommandTest.table(lines, "all 1 rows:");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("small_decimal", "12.25")
        .containsEntry("wide_decimal", "-123.4567")
        .containsEntry("time_of_day", "12:34:56.789")
        .containsEntry("local_ts", "2024-03-15T14:22:05.123456")
        .containsEntry("nanos_ts", "2024-03-15T14:22:05.123456789")
        .containsEntry("utc_ts", "2024-03-15T12:22:05Z")
        .containsEntry("id", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
        .containsEntry("flag", "true")
        .containsEntry("ratio", "1.5")
        .containsEntry("small_unsigned", "250")
        .containsEntry("big_unsigned", "18446744073709551615")
        .containsEntry("bytes", "0xaabb")
        .containsEntry("list", "[1, 2, NULL]")
        .containsEntry("map", "{a: 1}")
        .containsEntry("struct", "{x: y, n: NULL}")
        .containsEntry("missing", "NULL")
        .containsEntry("controls", "a\\nb\\tc\\u202Ed")
        .containsEntry("long_text", "0123456789".repeat(3) + "0123456...");
  }

  @Test
  void pagesOfEveryCodecOtherWritersUseAreRead() throws Exception {
    for (String codec : List.of("UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW")) {
      Path file = dir.resolve(codec + ".parquet");
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
          Statement s = c.createStatement()) {
        s.execute(
            "COPY (SELECT i, 'row ' || i AS text FROM range(100000) t(i)) TO "
                + literal(file)
                + " (FORMAT PARQUET, COMPRESSION "
                + codec
                + ")");
      }

      CliResult r = CliResult.of("inspect", file.toString(), "--rows", "2");

      assertThat(r.status()).as(codec + ": " + r.err()).isZero();
      assertThat(r.out()).as(codec).contains(": 100,000 rows, ").contains(", " + codec + "\n");
      assertThat(InspectCommandTest.table(r.out().lines().toList(), "first 2 of"))
          .as(codec)
          .containsExactly(Map.of("i", "0", "text", "row 0"), Map.of("i", "1", "text", "row 1"));
    }
  }
}
