package com.benefits.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.benefits.etl.BadInputException;
import com.benefits.etl.EtlPipeline;
import com.benefits.etl.EventsFormat;
import com.benefits.etl.Output;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.RunResult;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both engines on the same inputs, in local[2]: the three Parquet outputs row for row ({@code
 * detail} and {@code raw_record} included), their Parquet schemas and the run reports' counts must
 * be equal ({@link Compare}); fatal input must give the same message.
 */
class SparkDifferentialTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static Stream<Arguments> generated() {
    return Stream.of(
        Arguments.of(EventsFormat.NDJSON, false, 1L, 0L),
        Arguments.of(EventsFormat.NDJSON, false, 2L, 65_536L),
        Arguments.of(EventsFormat.NDJSON, false, 3L, 100_000L),
        Arguments.of(EventsFormat.NDJSON, true, 4L, 0L),
        Arguments.of(EventsFormat.ARRAY, false, 5L, 0L),
        Arguments.of(EventsFormat.ARRAY, true, 6L, 0L));
  }

  @ParameterizedTest(name = "{0} gzip={1} seed={2} splitBytes={3}")
  @MethodSource("generated")
  void generatedDataGivesTheSameOutputs(
      EventsFormat format, boolean gzip, long seed, long splitBytes, @TempDir Path dir)
      throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("in"))
                    .events(4_000)
                    .users(300)
                    .seed(seed)
                    .format(format)
                    .gzip(gzip)
                    .build())
            .generate();

    RunResult[] results = bothEngines(data.events(), data.users(), dir, splitBytes);

    assertThat(results[1].recordsRead()).isEqualTo(4_000);
    assertThat(results[1].cleanEvents()).isEqualTo(results[0].cleanEvents()).isPositive();
  }

  @Test
  void edgeCasesAcrossManySplitsGiveTheSameOutputs(@TempDir Path dir) throws IOException {
    Path events = dir.resolve("edge.ndjson");
    Files.write(events, EdgeCases.events());
    Path users = Files.writeString(dir.resolve("users.csv"), EdgeCases.USERS);
    for (long split : new long[] {13, 61, 1 << 20}) {
      Path run = dir.resolve("split-" + split);
      RunResult[] results = bothEngines(events, users, run, split);
      assertThat(results[1].recordsRead())
          .as("split %d", split)
          .isEqualTo(results[0].recordsRead());
    }
  }

  @Test
  void aTruncatedArrayStopsTheRunWithTheSameMessageAndPublishesNothing(@TempDir Path dir)
      throws IOException {
    Path events =
        Files.writeString(
            dir.resolve("events.json"),
            "[{\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T00:00:00Z\"},\n{\"user_id\":");
    Path users = Files.writeString(dir.resolve("users.csv"), EdgeCases.USERS);
    sameFatalError(events, users, dir);
  }

  @Test
  void aUsersFileWithoutCountryStopsTheRunWithTheSameMessage(@TempDir Path dir) throws IOException {
    Path events = Files.write(dir.resolve("edge.ndjson"), EdgeCases.events());
    Path users =
        Files.writeString(dir.resolve("users.csv"), "user_id,signup_date\nu1,2024-01-01\n");
    sameFatalError(events, users, dir);
  }

  @Test
  void missingFilesStopTheRunWithTheSameMessage(@TempDir Path dir) throws IOException {
    Path users = Files.writeString(dir.resolve("users.csv"), EdgeCases.USERS);
    sameFatalError(dir.resolve("no-such.json"), users, dir);
    Path events = Files.write(dir.resolve("edge.ndjson"), EdgeCases.events());
    sameFatalError(events, dir.resolve("no-users.csv"), dir);
  }

  @Test
  void standardInputIsRefusedWithAMessage(@TempDir Path dir) throws IOException {
    Path users = Files.writeString(dir.resolve("users.csv"), EdgeCases.USERS);
    BadInputException e =
        catchThrowableOfType(
            BadInputException.class,
            () -> LocalSpark.run(spark, options(Path.of("-"), users, dir.resolve("out")), 0));
    assertThat(e)
        .hasMessage(
            "-: the Spark engine reads events from files, not from standard input: give their"
                + " path (a file, a directory or a glob)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void emptyAndBlankInputsGiveEmptyOutputs(@TempDir Path dir) throws IOException {
    Path users = Files.writeString(dir.resolve("users.csv"), EdgeCases.USERS);
    for (String content : new String[] {"", "\n\n  \r\n", "[]", "\uFEFF"}) {
      Path events = Files.writeString(dir.resolve("events.json"), content);
      Path run = dir.resolve("run-" + content.length());
      RunResult[] results = bothEngines(events, users, run, 2);
      assertThat(results[1].recordsRead()).isZero();
    }
  }

  /**
   * A directory of three events files (NDJSON, gzipped NDJSON, NDJSON, cut from one generated file
   * at line ends) is one run, in name order: the same outputs as the embedded engine on the whole
   * file, but for the line numbers in {@code detail}, which count within each file.
   */
  @Test
  void aDirectoryOfFilesIsOneRunInNameOrder(@TempDir Path dir) throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("in"))
                    .events(3_000)
                    .users(200)
                    .seed(21)
                    .format(EventsFormat.NDJSON)
                    .build())
            .generate();
    List<String> lines = List.of(Files.readString(data.events()).split("\n", -1));
    Path parts = Files.createDirectories(dir.resolve("parts"));
    int[] cuts = {0, 1_000, 2_200, lines.size()};
    long[] lineOffsets = new long[3];
    long[] firstRecords = new long[4];
    for (int f = 0; f < 3; f++) {
      String text = String.join("\n", lines.subList(cuts[f], cuts[f + 1]));
      if (f < 2) {
        text += "\n";
      }
      lineOffsets[f] = cuts[f];
      firstRecords[f + 1] =
          firstRecords[f]
              + lines.subList(cuts[f], cuts[f + 1]).stream().filter(l -> !l.isBlank()).count();
      Path file = parts.resolve("events-" + f + ".ndjson");
      Files.writeString(file, text);
      if (f == 1) {
        TestFiles.gzip(file, parts.resolve("events-1.ndjson.gz"));
        Files.delete(file);
      }
    }
    Files.writeString(parts.resolve("_SUCCESS"), ""); // skipped, as Spark skips it
    RunResult embedded =
        EtlPipeline.of(options(data.events(), data.users(), dir.resolve("embedded"))).run();
    RunResult result =
        LocalSpark.run(spark, options(parts, data.users(), dir.resolve("spark")), 50_000);
    assertThat(result.rejected()).isEqualTo(embedded.rejected());
    assertThat(result.cleanEvents()).isEqualTo(embedded.cleanEvents());
    for (Output o : List.of(Output.CLEAN_EVENTS, Output.DAILY_SUMMARY)) {
      List<Map<String, Object>> actual = new ArrayList<>();
      Compare.parts(dir.resolve("spark").resolve(o.fileName()))
          .forEach(p -> actual.addAll(Compare.rows(p)));
      assertThat(actual).isEqualTo(Compare.rows(dir.resolve("embedded").resolve(o.fileName())));
    }
    List<Map<String, Object>> rejects = new ArrayList<>();
    Compare.parts(dir.resolve("spark/rejected_events.parquet"))
        .forEach(p -> rejects.addAll(Compare.rows(p)));
    List<Map<String, Object>> expected = new ArrayList<>();
    Pattern line = Pattern.compile("^line (\\d+)");
    for (Map<String, Object> row :
        Compare.rows(dir.resolve("embedded").resolve(Output.REJECTED_EVENTS.fileName()))) {
      long index = (Long) row.get("record_index");
      int file = index >= firstRecords[2] ? 2 : index >= firstRecords[1] ? 1 : 0;
      Matcher m = line.matcher((String) row.get("detail"));
      Map<String, Object> translated = new LinkedHashMap<>(row);
      if (m.find()) {
        long inFile = Long.parseLong(m.group(1)) - lineOffsets[file];
        translated.put("detail", m.replaceFirst("line " + inFile));
      }
      expected.add(translated);
    }
    assertThat(rejects).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(rejects.get(i)).as("reject %d", i).isEqualTo(expected.get(i));
    }
  }

  private static void sameFatalError(Path events, Path users, Path dir) {
    Path embeddedOut = dir.resolve("fatal-embedded");
    Path sparkOut = dir.resolve("fatal-spark");
    BadInputException expected =
        catchThrowableOfType(
            BadInputException.class,
            () -> EtlPipeline.of(options(events, users, embeddedOut)).run());
    BadInputException actual =
        catchThrowableOfType(
            BadInputException.class,
            () -> LocalSpark.run(spark, options(events, users, sparkOut), 16));
    assertThat(expected).isNotNull();
    assertThat(actual).isNotNull();
    assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
    assertThat(sparkOut).doesNotExist();
  }

  /** Runs both engines into dir/embedded and dir/spark, compares them; returns both results. */
  static RunResult[] bothEngines(Path events, Path users, Path dir, long splitBytes) {
    Path embeddedOut = dir.resolve("embedded");
    Path sparkOut = dir.resolve("spark");
    RunResult embedded = EtlPipeline.of(options(events, users, embeddedOut)).run();
    RunResult spark =
        LocalSpark.run(SparkDifferentialTest.spark, options(events, users, sparkOut), splitBytes);
    assertThat(spark.invariantHolds()).isTrue();
    assertThat(spark.rejected()).isEqualTo(embedded.rejected());
    assertThat(spark.users()).isEqualTo(embedded.users());
    assertThat(spark.dailySummaryRows()).isEqualTo(embedded.dailySummaryRows());
    Compare.sameOutputs(embeddedOut, sparkOut);
    return new RunResult[] {embedded, spark};
  }

  static PipelineOptions options(Path events, Path users, Path output) {
    return PipelineOptions.builder().events(events).users(users).output(output).build();
  }
}
