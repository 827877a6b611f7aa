package com.benefits.etl.cli;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.EtlPipeline;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code etl inspect} on the outputs of a real run of the bundled sample: what it prints (row
 * counts, sizes, schemas, first rows, rejects by reason) is checked against DuckDB's reading of the
 * same files, and bad input ends with exit status 2 and one line naming the file.
 */
class InspectCommandTest {
  private static final List<String> PARQUET =
      List.of("clean_events.parquet", "daily_summary.parquet", "rejected_events.parquet");
  private static final Pattern HEADING =
      Pattern.compile(
          "(?m)^(\\S+?)(?: \\(([0-9,]+) part files\\))?: ([0-9,]+) rows, ([0-9,]+) bytes \\(.*$");

  @TempDir static Path dir;
  static Path output;
  static RunResult run;

  @TempDir Path tmp;

  @BeforeAll
  static void runTheBundledSample() {
    Path data = TestFiles.repository().resolve("data");
    output = dir.resolve("output");
    run = EtlPipeline.of(data.resolve("raw_events.json"), data.resolve("users.csv"), output).run();
  }

  private static CliResult inspect(String... args) {
    List<String> all = new ArrayList<>(List.of("inspect"));
    all.addAll(Arrays.asList(args));
    CliResult r = CliResult.of(all.toArray(String[]::new));
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r;
  }

  private static long count(Path file) {
    return (Long)
        queryOne("SELECT count(*) AS n FROM read_parquet(" + literal(file) + ")").get("n");
  }

  /** The numbers of {@code 3,784}. */
  private static long number(String printed) {
    return Long.parseLong(printed.replace(",", ""));
  }

  /** The section of {@code out} about one output: from its heading to the next blank line. */
  private static List<String> section(String out, String name) {
    List<String> lines = out.lines().toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("\\S*" + Pattern.quote(name) + "[ :].*")) {
        start = i;
        break;
      }
    }
    assertThat(start).as("a section for %s in%n%s", name, out).isNotNegative();
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).isBlank()) {
      end++;
    }
    return lines.subList(start, end);
  }

  /**
   * The table that follows the line {@code title} in {@code section}: its rows as maps from the
   * header's names to the cells, read by the header's column positions.
   */
  static List<Map<String, String>> table(List<String> section, String title) {
    int at = -1;
    for (int i = 0; i < section.size(); i++) {
      if (section.get(i).strip().startsWith(title)) {
        at = i;
        break;
      }
    }
    assertThat(at).as("'%s' in %s", title, section).isNotNegative();
    String header = section.get(at + 1);
    String rule = section.get(at + 2);
    assertThat(rule.strip()).matches("[- ]+");
    List<Integer> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher dashes = Pattern.compile("-+").matcher(rule);
    while (dashes.find()) {
      starts.add(dashes.start());
    }
    for (int c = 0; c < starts.size(); c++) {
      names.add(cut(header, starts, c));
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : section.subList(at + 3, section.size())) {
      // The table ends at the next title, which is indented less.
      if (!line.startsWith(" ".repeat(starts.get(0)))) {
        break;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < starts.size(); c++) {
        row.put(names.get(c), cut(line, starts, c));
      }
      rows.add(row);
    }
    return rows;
  }

  private static String cut(String line, List<Integer> starts, int c) {
    int from = Math.min(starts.get(c), line.length());
    int to = c + 1 < starts.size() ? Math.min(starts.get(c + 1), line.length()) : line.length();
    return line.substring(from, to).strip();
  }

  /** A printed cell shows {@code expected}: whole, or its start then "..." when it was cut. */
  private static void assertShows(String printed, Object expected) {
    String value = expected == null ? "NULL" : expected.toString();
    if (printed.endsWith("...") && !value.endsWith("...")) {
      assertThat(value).startsWith(printed.substring(0, printed.length() - 3));
      assertThat(printed).hasSize(40);
    } else {
      assertThat(printed).isEqualTo(value);
    }
  }

  @Test
  void rowCountsAndSizesAreThoseOfTheFiles() throws IOException {
    CliResult r = inspect(output.toString());

    Matcher m = HEADING.matcher(r.out());
    Map<String, long[]> headings = new LinkedHashMap<>();
    while (m.find()) {
      headings.put(m.group(1), new long[] {number(m.group(3)), number(m.group(4))});
    }
    assertThat(headings.keySet())
        .containsExactlyElementsOf(
            PARQUET.stream().map(n -> output.resolve(n).toString()).toList());
    for (String name : PARQUET) {
      Path file = output.resolve(name);
      long[] printed = headings.get(file.toString());
      assertThat(printed[0]).as(name + " rows").isEqualTo(count(file));
      assertThat(printed[1]).as(name + " bytes").isEqualTo(Files.size(file));
    }
    assertThat(headings.get(output.resolve("clean_events.parquet").toString())[0])
        .isEqualTo(run.cleanEvents());
  }

  @Test
  void schemasAreThoseDuckDbReads() {
    CliResult r = inspect(output.toString(), "--rows", "0");

    for (String name : PARQUET) {
      Path file = output.resolve(name);
      List<Map<String, String>> printed = table(section(r.out(), name), "schema:");
      List<Map<String, String>> expected = new ArrayList<>();
      for (Map<String, Object> column :
          query(
              "SELECT name, type, repetition_type, logical_type FROM parquet_schema("
                  + literal(file)
                  + ") WHERE num_children IS NULL ORDER BY column_id")) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("column", (String) column.get("name"));
        row.put("physical type", (String) column.get("type"));
        row.put("logical type", logical((String) column.get("logical_type")));
        row.put("repetition", ((String) column.get("repetition_type")).toLowerCase(Locale.ROOT));
        expected.add(row);
      }
      assertThat(printed).as(name).isEqualTo(expected).hasSizeGreaterThanOrEqualTo(3);
    }
  }

  /** DuckDB's words for a logical type, in the Parquet specification's (and inspect's). */
  private static String logical(String duckDb) {
    if (duckDb == null) {
      return "";
    }
    Matcher t =
        Pattern.compile("TimestampType\\(isAdjustedToUTC=([01]), unit=(.*)\\)").matcher(duckDb);
    if (t.matches()) {
      String unit = t.group(2).replaceAll(".*(MILLIS|MICROS|NANOS)=[A-Za-z]+\\(\\).*", "$1");
      return "TIMESTAMP(" + unit + ", isAdjustedToUTC=" + t.group(1).equals("1") + ")";
    }
    return switch (duckDb) {
      case "StringType()" -> "STRING";
      case "DateType()" -> "DATE";
      default -> throw new IllegalArgumentException("no mapping for DuckDB's " + duckDb);
    };
  }

  @Test
  void firstRowsAreThoseDuckDbReadsFirst() {
    CliResult r = inspect(output.toString(), "--rows", "5");

    for (String name : PARQUET) {
      Path file = output.resolve(name);
      List<Map<String, String>> printed = table(section(r.out(), name), "first 5 of");
      List<Map<String, Object>> expected =
          query("SELECT * FROM read_parquet(" + literal(file) + ") LIMIT 5");
      assertThat(printed).as(name).hasSize(5);
      for (int i = 0; i < 5; i++) {
        assertThat(printed.get(i).keySet()).isEqualTo(expected.get(i).keySet());
        for (String column : expected.get(i).keySet()) {
          assertShows(printed.get(i).get(column), expected.get(i).get(column));
        }
      }
    }
  }

  @Test
  void rowsOptionSetsHowManyRowsAreShown() {
    CliResult none = inspect(output.toString(), "--rows", "0");
    assertThat(none.out()).doesNotContainPattern("(?m)^  (first|all) .*rows:$").contains("schema:");

    CliResult one = inspect(output.toString(), "--rows", "1");
    for (String name : PARQUET) {
      assertThat(table(section(one.out(), name), "first 1 of")).hasSize(1);
    }

    CliResult all = inspect(output.resolve("daily_summary.parquet").toString(), "--rows", "100000");
    long rows = count(output.resolve("daily_summary.parquet"));
    assertThat(all.out()).contains(String.format(Locale.ROOT, "all %,d rows:", rows));
    assertThat(table(section(all.out(), "daily_summary.parquet"), "all ")).hasSize((int) rows);

    CliResult negative = CliResult.of("inspect", output.toString(), "--rows", "-1");
    assertThat(negative.status()).isEqualTo(2);
    assertThat(negative.err()).contains("--rows");
  }

  @Test
  void rejectsAreCountedByReasonWithTheFirstOfEach() {
    CliResult r = inspect(output.toString(), "--rows", "0");
    Path rejects = output.resolve("rejected_events.parquet");
    List<Map<String, Object>> expected =
        query(
            "SELECT reason, count(*) AS n, min(record_index) AS first FROM read_parquet("
                + literal(rejects)
                + ") GROUP BY reason");

    List<String> section = section(r.out(), "rejected_events.parquet");
    int at =
        section.indexOf(
            "  rows by reason, each with its first row (record_index: detail, then raw_record):");
    assertThat(at).as(String.join("\n", section)).isPositive();
    List<String> lines = section.subList(at + 1, section.size());
    assertThat(lines).hasSize(2 * expected.size());
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < lines.size(); i += 2) {
      Matcher m = Pattern.compile(" {4}(\\S+) +([0-9,]+)  ([0-9]+): (.*)").matcher(lines.get(i));
      assertThat(m.matches()).as(lines.get(i)).isTrue();
      String reason = m.group(1);
      reasons.add(reason);
      Map<String, Object> duck =
          expected.stream().filter(e -> e.get("reason").equals(reason)).findFirst().orElseThrow();
      assertThat(number(m.group(2))).as(reason).isEqualTo(duck.get("n"));
      assertThat(Long.parseLong(m.group(3))).as(reason).isEqualTo(duck.get("first"));
      Map<String, Object> example =
          queryOne(
              "SELECT detail, raw_record FROM read_parquet("
                  + literal(rejects)
                  + ") WHERE record_index = ?",
              duck.get("first"));
      assertShown(m.group(4), (String) example.get("detail"), 72 - m.group(3).length() - 2);
      assertShown(lines.get(i + 1).strip(), (String) example.get("raw_record"), 72);
      assertThat(lines.get(i + 1)).startsWith(" ".repeat(m.start(3)));
    }
    List<String> specOrder =
        Arrays.stream(RejectReason.values())
            .map(RejectReason::code)
            .filter(reasons::contains)
            .toList();
    assertThat(reasons).isEqualTo(specOrder).hasSize(RejectReason.values().length);
  }

  /** Shown whole, or cut to {@code width} code points with "...", control characters escaped. */
  private static void assertShown(String printed, String value, int width) {
    String escaped = value.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    if (printed.endsWith("...")) {
      assertThat(escaped).startsWith(printed.substring(0, printed.length() - 3));
      assertThat(printed.codePointCount(0, printed.length())).isLessThanOrEqualTo(width);
    } else {
      assertThat(printed).isEqualTo(escaped);
    }
  }

  @Test
  void runReportIsToldInOneLine() {
    CliResult r = inspect(output.toString(), "--rows", "0");
    String line =
        r.out()
            .lines()
            .filter(l -> l.startsWith(output.resolve("run_report.json") + ": "))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .contains(String.format(Locale.ROOT, "%,d records read", run.recordsRead()))
        .contains(
            String.format(
                Locale.ROOT, "%,d clean, %,d rejected", run.cleanEvents(), run.rejectedTotal()))
        .contains("invariant holds");
  }

  @Test
  void theHtmlReportIsNamedWithItsSize() throws IOException {
    CliResult r = inspect(output.toString(), "--rows", "0");
    Path html = output.resolve("report.html");
    assertThat(r.out())
        .contains(String.format(Locale.ROOT, "%s: %,d bytes (", html, Files.size(html)))
        .doesNotContain(": missing");
  }

  @Test
  void oneOutputAloneIsInspectedAlone() {
    CliResult rejects =
        inspect(output.resolve("rejected_events.parquet").toString(), "--rows", "0");
    assertThat(rejects.out())
        .startsWith(output.resolve("rejected_events.parquet") + ": ")
        .contains("rows by reason")
        .doesNotContain("clean_events.parquet")
        .doesNotContain("run_report.json");

    CliResult report = inspect(output.resolve("run_report.json").toString());
    assertThat(report.out().strip().lines())
        .singleElement()
        .asString()
        .startsWith(output.resolve("run_report.json") + ": ")
        .contains(String.format(Locale.ROOT, "%,d records read", run.recordsRead()));
  }

  @Test
  void aDirectoryOfPartFilesWrittenByAnotherWriterIsOneOutput() throws IOException {
    Path clean = tmp.resolve("spark/clean_events.parquet");
    Files.createDirectories(clean);
    Path source = output.resolve("clean_events.parquet");
    duckDb(
        "COPY (SELECT * FROM read_parquet("
            + literal(source)
            + ") LIMIT 1000) TO "
            + literal(clean.resolve("part-00000-a.snappy.parquet"))
            + " (FORMAT PARQUET, COMPRESSION SNAPPY)");
    duckDb(
        "COPY (SELECT * FROM read_parquet("
            + literal(source)
            + ") OFFSET 1000) TO "
            + literal(clean.resolve("part-00001-a.snappy.parquet"))
            + " (FORMAT PARQUET, COMPRESSION GZIP)");
    Files.writeString(clean.resolve("_SUCCESS"), "");
    Files.writeString(clean.resolve(".part-00000-a.snappy.parquet.crc"), "not parquet");

    CliResult r = inspect(tmp.resolve("spark").toString(), "--rows", "3");

    assertThat(r.out())
        .contains(
            String.format(
                Locale.ROOT,
                "%s (2 part files): %,d rows, %,d bytes",
                clean,
                count(source),
                Files.size(clean.resolve("part-00000-a.snappy.parquet"))
                    + Files.size(clean.resolve("part-00001-a.snappy.parquet"))))
        .contains("GZIP SNAPPY")
        .contains("spark/daily_summary.parquet: missing");
    assertThat(table(section(r.out(), "clean_events.parquet"), "first 3 of")).hasSize(3);
    // DuckDB made every column of the first part optional, and kept the required ones of the
    // second: inspect tells, column by column.
    Map<String, String> userId = table(section(r.out(), "clean_events.parquet"), "schema:").get(0);
    assertThat(userId)
        .containsEntry("column", "user_id")
        .containsEntry("repetition", "optional in 1, required in 1 of 2 parts");

    CliResult alone = inspect(clean.toString(), "--rows", "0");
    assertThat(alone.out()).startsWith(clean + " (2 part files): ");
  }

  /** Runs a DuckDB statement that returns no rows, such as COPY. */
  private static void duckDb(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Test
  void partsWithDifferentSchemasAreBadInput() throws IOException {
    Path clean = tmp.resolve("clean_events.parquet");
    Files.createDirectories(clean);
    Files.copy(output.resolve("clean_events.parquet"), clean.resolve("part-0.parquet"));
    Files.copy(output.resolve("daily_summary.parquet"), clean.resolve("part-1.parquet"));

    assertBadInput(
        CliResult.of("inspect", tmp.toString()),
        clean.resolve("part-1.parquet"),
        "its columns differ from those of part-0.parquet");
  }

  private static void assertBadInput(CliResult r, Path file, String... fragments) {
    assertThat(r.status()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: " + file)
        .containsPattern(
            "^error: " + Pattern.quote(file.toString()) + "(, line \\d+, column \\d+)?: ")
        .contains(fragments)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
  }

  @Test
  void aMissingDirectoryIsBadInput() {
    Path missing = tmp.resolve("nope");
    assertBadInput(
        CliResult.of("inspect", missing.toString()), missing, "no such file or directory");
  }

  @Test
  void aDirectoryWithoutOutputsIsBadInput() throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "not an output");
    assertBadInput(
        CliResult.of("inspect", tmp.toString()),
        tmp,
        "holds none of the outputs of a run",
        "clean_events.parquet");
  }

  @Test
  void anOutputDirectoryWithoutPartFilesIsBadInput() throws IOException {
    Files.createDirectories(tmp.resolve("rejected_events.parquet"));
    assertBadInput(
        CliResult.of("inspect", tmp.toString()),
        tmp.resolve("rejected_events.parquet"),
        "no part-*.parquet file");
  }

  /** A copy of the run's outputs, for damaging one of them. */
  private Path copyOfOutputs() throws IOException {
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    for (String name : TestFiles.names(output)) {
      Files.copy(output.resolve(name), copy.resolve(name));
    }
    return copy;
  }

  @Test
  void aTruncatedFileIsBadInputNamingIt() throws IOException {
    Path copy = copyOfOutputs();
    Path file = copy.resolve("daily_summary.parquet");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    assertBadInput(
        CliResult.of("inspect", copy.toString()),
        file,
        "not a Parquet file: it does not end with PAR1 (truncated");
  }

  @Test
  void aFileThatIsNotParquetIsBadInputNamingIt() throws IOException {
    Path copy = copyOfOutputs();
    Path file = Files.writeString(copy.resolve("clean_events.parquet"), "user_id,country\n");
    assertBadInput(
        CliResult.of("inspect", copy.toString()),
        file,
        "not a Parquet file: it does not start with PAR1");
    Files.writeString(file, "PAR1");
    assertBadInput(CliResult.of("inspect", copy.toString()), file, "4 bytes are too few");
  }

  @Test
  void aFooterThatIsNotOneIsBadInputNamingTheFile() throws IOException {
    Path copy = copyOfOutputs();
    Path file = copy.resolve("daily_summary.parquet");
    byte[] bytes = Files.readAllBytes(file);
    // The footer's length, just before the closing PAR1, now points before the file's start.
    bytes[bytes.length - 5] = (byte) 0x7f;
    Files.write(file, bytes);
    assertBadInput(CliResult.of("inspect", copy.toString()), file, "not a readable Parquet file");
  }

  @Test
  void damagedPagesAreBadInputNamingTheFile() throws IOException {
    Path copy = copyOfOutputs();
    Path file = copy.resolve("rejected_events.parquet");
    byte[] bytes = Files.readAllBytes(file);
    // The footer stays whole: the damage shows only when the pages are read.
    for (int i = 64; i < bytes.length / 2; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(file, bytes);
    assertBadInput(CliResult.of("inspect", copy.toString()), file, "not a readable Parquet file");
  }

  @Test
  void aDamagedRunReportIsBadInputNamingItsLine() throws IOException {
    Path copy = copyOfOutputs();
    Path file = Files.writeString(copy.resolve("run_report.json"), "{\n  \"counts\": {\n    x");
    assertBadInput(CliResult.of("inspect", copy.toString()), file, "line 3", "not valid JSON");
  }
}
