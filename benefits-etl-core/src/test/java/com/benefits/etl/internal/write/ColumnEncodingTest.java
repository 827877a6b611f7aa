package com.benefits.etl.internal.write;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.AsciiText;
import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.model.RejectedRecord;
import com.benefits.etl.internal.model.ValidEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column encoder ({@link ColumnChunkWriter}) against parquet-java's own record writer, used
 * here as the reference: on the same rows and sizes, every column chunk must declare the same
 * encodings, value count and statistics, and DuckDB must read back the same rows. The rows are
 * chosen to reach every path: many pages, nulls (a page of nothing but nulls too), a dictionary
 * that outgrows its page mid-chunk, one that does not pay off on the first page, several row
 * groups, negative numbers, -0.0, and strings whose UTF-8 order differs from UTF-16 order.
 */
class ColumnEncodingTest {

  private static final ParquetWriterOptions OPTIONS =
      ParquetWriterOptions.builder()
          .rowGroupSizeBytes(256L * 1024 * 1024)
          .pageSizeBytes(64 * 1024)
          .dictionaryPageSizeBytes(16 * 1024)
          .build();

  @TempDir Path dir;

  @Test
  void chunkMetadataMatchesParquetJavasWriter() throws IOException {
    List<CleanEvent> rows = rows(70_000, 7);
    Path ours = writeOurs(rows, OPTIONS);
    Path reference = writeReference(rows, OPTIONS);

    List<Map<String, Object>> expected = chunkMetadata(reference);
    assertThat(chunkMetadata(ours)).containsExactlyElementsOf(expected);
    assertThat(encodingsOf(expected, "user_id")).isEqualTo("PLAIN, BIT_PACKED");
    assertThat(encodingsOf(expected, "page")).contains("PLAIN_DICTIONARY").contains("PLAIN,");
    assertThat(encodingsOf(expected, "event_type")).isEqualTo("PLAIN_DICTIONARY, RLE, BIT_PACKED");
    assertSameRows(ours, reference);
  }

  @Test
  void severalRowGroupsEachStartAFreshDictionary() throws IOException {
    ParquetWriterOptions small =
        ParquetWriterOptions.builder()
            .rowGroupSizeBytes(256 * 1024)
            .pageSizeBytes(16 * 1024)
            .dictionaryPageSizeBytes(8 * 1024)
            .build();
    List<CleanEvent> rows = rows(60_000, 11);
    Path ours = writeOurs(rows, small);

    List<Map<String, Object>> groups =
        query(
            "SELECT row_group_id, row_group_num_rows"
                + " FROM parquet_metadata("
                + literal(ours)
                + ") WHERE path_in_schema = 'user_id'");
    assertThat(groups).hasSizeGreaterThan(2);
    assertThat(groups.stream().mapToLong(g -> (Long) g.get("row_group_num_rows")).sum())
        .isEqualTo(rows.size());
    assertThat(ParquetInspection.encodings(ours, "event_type"))
        .allSatisfy(e -> assertThat(e).contains("PLAIN_DICTIONARY"));
    assertThat(ParquetInspection.chunks(ours))
        .allSatisfy(
            chunk -> {
              assertThat(chunk).containsEntry("compression", "SNAPPY");
              assertThat(chunk.get("stats_null_count")).isNotNull();
            });
    assertSameRows(ours, writeReference(rows, small));
  }

  @Test
  void aDictionaryThatDoesNotPayOffOnTheFirstPageIsDropped() throws IOException {
    List<DailyCount> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(new DailyCount("user-" + i, 19_000 + i % 3, i));
    }
    Path ours = dir.resolve("ours.parquet");
    try (ParquetTableWriter<DailyCount> writer = DailySummaryWriter.open(ours, OPTIONS)) {
      for (DailyCount row : rows) {
        writer.write(row);
      }
    }
    Path reference =
        writeReference(
            DailySummaryWriter.TABLE,
            rows,
            OPTIONS,
            (row, g) ->
                g.append("user_id", row.userId())
                    .append("event_date", row.eventDate())
                    .append("event_count", row.eventCount()));

    List<Map<String, Object>> expected = chunkMetadata(reference);
    assertThat(chunkMetadata(ours)).containsExactlyElementsOf(expected);
    assertThat(encodingsOf(expected, "user_id")).isEqualTo("PLAIN, BIT_PACKED");
    assertThat(encodingsOf(expected, "event_count")).isEqualTo("PLAIN, BIT_PACKED");
    assertThat(encodingsOf(expected, "event_date")).isEqualTo("PLAIN_DICTIONARY, BIT_PACKED");
    assertSameRows(ours, reference);
  }

  /** docs/spec.md 3.5, dictionary encoding enabled: every column of both files starts with one. */
  @Test
  void everyColumnUsesADictionaryWhenItsValuesRepeat() throws IOException {
    Path clean = dir.resolve("clean.parquet");
    Path rejects = dir.resolve("rejects.parquet");
    try (ParquetTableWriter<CleanEvent> c = CleanEventsWriter.open(clean, OPTIONS);
        ParquetTableWriter<RejectedRecord> r = RejectsWriter.open(rejects, OPTIONS)) {
      for (int i = 0; i < 3000; i++) {
        long micros = 1_710_000_000_000_000L + i % 3 * 1_000_000L;
        c.write(
            new CleanEvent(
                "u" + i % 3,
                "login",
                "2024-03-09T16:00:0" + i % 3 + "Z",
                micros,
                19_791,
                1.5 * (i % 3),
                "mobile",
                "/home",
                19_000 + i % 3,
                "US"));
        r.write(
            new RejectedRecord(
                i % 3,
                RejectReason.DUPLICATE,
                "same as record " + i % 3,
                "{\"user_id\":\"u" + i % 3 + "\"}"));
      }
    }
    for (Path file : List.of(clean, rejects)) {
      assertThat(ParquetInspection.chunks(file))
          .isNotEmpty()
          .allSatisfy(
              chunk ->
                  assertThat((String) chunk.get("encodings"))
                      .as(file + " " + chunk.get("path_in_schema"))
                      .contains("PLAIN_DICTIONARY"));
    }
  }

  /**
   * A clean event in the byte form (its strings as bytes, {@link StringColumnWriter#addUtf8})
   * writes the same file, byte for byte, as the same event with strings: every other row of the
   * ASCII ones is given in that form, so a chunk's dictionary is filled from both sides.
   */
  @Test
  void theAsciiFormWritesTheSameFileAsStrings() throws IOException {
    List<CleanEvent> rows = rows(70_000, 7);
    List<CleanEvent> mixed = new ArrayList<>(rows.size());
    int ascii = 0;
    for (int i = 0; i < rows.size(); i++) {
      CleanEvent row = rows.get(i);
      CleanEvent converted = i % 2 == 0 ? inAsciiForm(row) : row;
      ascii += converted.event().inByteForm() ? 1 : 0;
      mixed.add(converted);
    }
    assertThat(ascii).isGreaterThan(20_000);
    Path asciiFile = Files.move(writeOurs(mixed, OPTIONS), dir.resolve("ascii.parquet"));
    Path strings = writeOurs(rows, OPTIONS);
    assertThat(Files.mismatch(asciiFile, strings)).isEqualTo(-1L);
  }

  /** The row with its event in the byte form, when its strings are all ASCII. */
  private static CleanEvent inAsciiForm(CleanEvent row) {
    ValidEvent e = row.event();
    return new CleanEvent(
        ValidEvent.of(
            ascii(e.userId()),
            ascii(e.eventType()),
            ascii(e.timestamp()),
            e.timestampMicros(),
            e.value(),
            ascii(e.device()),
            ascii(e.page())),
        row.eventDate(),
        row.signupDate(),
        row.country());
  }

  /** The text as an {@link AsciiText} when it is ASCII, inside a larger array; else as it is. */
  private static CharSequence ascii(String s) {
    if (s == null || !s.chars().allMatch(c -> c < 0x80)) {
      return s;
    }
    return new AsciiText(("<" + s + ">").getBytes(StandardCharsets.US_ASCII), 1, s.length());
  }

  /**
   * Page statistics of strings over {@link StringColumnWriter#STATISTICS_KEPT_BYTES} are cut while
   * they wait for the end of the row group; the file must still say what parquet-java's says: the
   * same minimum and maximum where their two values take under 4,096 bytes, none where they do not.
   */
  @Test
  void longStringsGetTheStatisticsOfParquetJavasWriter() throws IOException {
    int kept = StringColumnWriter.STATISTICS_KEPT_BYTES;
    // "é" is two bytes: from an odd offset on, one of them straddles the cut.
    String shared = "a" + "é".repeat(kept);
    List<List<String>> cases =
        List.of(
            List.of("b", "c".repeat(1_500), "a".repeat(2_500)), // stats written
            List.of("b", "c".repeat(2_000), "a".repeat(2_100)), // 4,100 bytes: none
            List.of("b", shared + "z", "0"), // a long maximum, a short minimum
            List.of(shared + "z", shared + "y", shared, "zz"), // ties once cut
            List.of("é".repeat(3 * kept), "ü".repeat(kept / 2 + 7), "d"));
    for (List<String> pages : cases) {
      List<CleanEvent> rows = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String page = i % 7 == 6 ? null : pages.get(i % pages.size());
        rows.add(new CleanEvent("u", "t", "ts", 0L, 0, null, null, page, null, "US"));
      }
      Path ours = writeOurs(rows, OPTIONS);
      Path reference = writeReference(rows, OPTIONS);
      String stats =
          "SELECT path_in_schema, num_values, stats_min_value, stats_max_value, stats_null_count"
              + " FROM parquet_metadata(%s) ORDER BY row_group_id, column_id";
      assertThat(query(stats.formatted(literal(ours))))
          .as("pages %s", pages.stream().map(String::length).toList())
          .containsExactlyElementsOf(query(stats.formatted(literal(reference))));
      assertSameRows(ours, reference);
    }
  }

  @Test
  void aStatisticsValueIsCutAtACharacterBoundary() {
    int kept = StringColumnWriter.STATISTICS_KEPT_BYTES;
    byte[] shortValue = "é".repeat(kept / 2).getBytes(StandardCharsets.UTF_8);
    assertThat(StringColumnWriter.kept(shortValue)).isSameAs(shortValue);
    byte[] even = ("é".repeat(kept)).getBytes(StandardCharsets.UTF_8);
    assertThat(new String(StringColumnWriter.kept(even), StandardCharsets.UTF_8))
        .isEqualTo("é".repeat(kept / 2));
    byte[] odd = ("a" + "é".repeat(kept)).getBytes(StandardCharsets.UTF_8);
    assertThat(new String(StringColumnWriter.kept(odd), StandardCharsets.UTF_8))
        .isEqualTo("a" + "é".repeat(kept / 2 - 1));
    byte[] emoji = ("ab" + "\uD83C\uDF89".repeat(kept)).getBytes(StandardCharsets.UTF_8);
    assertThat(new String(StringColumnWriter.kept(emoji), StandardCharsets.UTF_8))
        .isEqualTo("ab" + "\uD83C\uDF89".repeat((kept - 2) / 4));
  }

  /** Rows with columns shaped to reach each encoding path; seeded, so always the same rows. */
  private static List<CleanEvent> rows(int count, long seed) {
    Random random = new Random(seed);
    String[] types = {"click", "view", "purchase", "Ωmega", "zeta", "\uD83C\uDF89 party", "é"};
    List<CleanEvent> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean nullBlock = i >= 20_000 && i < 41_000;
      String userId = "user-" + random.nextInt(1_000_000);
      String type = random.nextInt(10) == 0 ? null : types[random.nextInt(types.length)];
      long micros = random.nextLong() % 4_000_000_000_000_000L; // 1843 to 2096
      int day = (int) Math.floorDiv(micros, 86_400_000_000L);
      Double value =
          nullBlock || random.nextInt(4) == 0
              ? null
              : random.nextInt(50) == 0 ? -0.0 : (random.nextInt(2000) - 1000) / 4.0;
      String device = nullBlock ? null : "device-" + random.nextInt(5);
      String page = "/page/" + i / 50;
      Integer signup = random.nextInt(5) == 0 ? null : -1000 + random.nextInt(3000);
      rows.add(
          new CleanEvent(
              userId,
              type,
              "ts-" + micros,
              micros,
              day,
              value,
              device,
              page,
              signup,
              i % 1000 == 0 ? "CA" : "US"));
    }
    return rows;
  }

  private Path writeOurs(List<CleanEvent> rows, ParquetWriterOptions options) throws IOException {
    Path file = dir.resolve("ours.parquet");
    try (ParquetTableWriter<CleanEvent> writer = CleanEventsWriter.open(file, options)) {
      for (CleanEvent row : rows) {
        writer.write(row);
      }
    }
    return file;
  }

  /** The same rows through parquet-java's record API, with the same plain columns and sizes. */
  private Path writeReference(List<CleanEvent> rows, ParquetWriterOptions options)
      throws IOException {
    return writeReference(
        CleanEventsWriter.TABLE,
        rows,
        options,
        (row, g) -> {
          g.append("user_id", row.userId())
              .append("timestamp", row.timestamp())
              .append("timestamp_dt", row.timestampMicros())
              .append("event_date", row.eventDate())
              .append("country", row.country());
          appendIfPresent(g, "event_type", row.eventType());
          if (row.value() != null) {
            g.append("value", row.value());
          }
          appendIfPresent(g, "device", row.device());
          appendIfPresent(g, "page", row.page());
          if (row.signupDate() != null) {
            g.append("signup_date", row.signupDate());
          }
        });
  }

  private <T> Path writeReference(
      ParquetTable<T> table, List<T> rows, ParquetWriterOptions options, BiConsumer<T, Group> fill)
      throws IOException {
    Path file = dir.resolve("reference.parquet");
    // builder() and withFile(OutputFile): builder(OutputFile) would make javac read Hadoop's Path
    // class, whose annotations are not on the classpath (a -Werror warning).
    ExampleParquetWriter.Builder builder =
        ExampleParquetWriter.builder()
            .withFile(new LocalOutputFile(file))
            .withType(table.schema())
            .withConf(new PlainParquetConfiguration())
            .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withWriterVersion(WriterVersion.PARQUET_1_0)
            .withDictionaryEncoding(true)
            .withRowGroupSize(options.rowGroupSizeBytes())
            .withPageSize(options.pageSizeBytes())
            .withDictionaryPageSize(options.dictionaryPageSizeBytes());
    SimpleGroupFactory groups = new SimpleGroupFactory(table.schema());
    try (ParquetWriter<Group> writer = builder.build()) {
      for (T row : rows) {
        Group g = groups.newGroup();
        fill.accept(row, g);
        writer.write(g);
      }
    }
    return file;
  }

  private static void appendIfPresent(Group g, String field, String value) {
    if (value != null) {
      g.append(field, value);
    }
  }

  /** What a reader sees of each chunk, leaving out sizes, offsets and the compression codec. */
  private static List<Map<String, Object>> chunkMetadata(Path file) {
    return query(
        "SELECT row_group_id, path_in_schema, num_values, encodings, stats_min_value,"
            + " stats_max_value, stats_null_count FROM parquet_metadata("
            + literal(file)
            + ")"
            + " ORDER BY row_group_id, column_id");
  }

  private static String encodingsOf(List<Map<String, Object>> chunks, String column) {
    return chunks.stream()
        .filter(c -> column.equals(c.get("path_in_schema")))
        .map(c -> (String) c.get("encodings"))
        .collect(Collectors.joining(" | "));
  }

  private static void assertSameRows(Path ours, Path reference) {
    String differences =
        "SELECT count(*) AS n FROM (SELECT * FROM read_parquet(%s) EXCEPT ALL"
            + " SELECT * FROM read_parquet(%s))";
    assertThat(query(differences.formatted(literal(ours), literal(reference))))
        .containsExactly(Map.of("n", 0L));
    assertThat(query(differences.formatted(literal(reference), literal(ours))))
        .containsExactly(Map.of("n", 0L));
    String ordered = "SELECT * FROM read_parquet(%s)";
    assertThat(query(ordered.formatted(literal(ours))))
        .containsExactlyElementsOf(query(ordered.formatted(literal(reference))));
  }
}
