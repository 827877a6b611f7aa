package com.benefits.etl.internal.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.BadInputException;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.testing.Mutations;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonArrayRecordReader} (the byte checker, then Jackson per element, then Jackson for the
 * rest of the file) against {@link JacksonArrayRecordReader} alone: on generated data and on
 * thousands of mutated files, under the default limits and under tight ones, both must give the
 * same outcome and raw text for every record, and the same error, line and column.
 */
class JsonArrayTiersTest {
  static final long SEED = Long.getLong("fuzz.seed", 20_261_125L);
  static final int CASES = Integer.getInteger("fuzz.cases", 3_000);

  /** Tight enough that generated records hit every limit now and then. */
  static final ReadLimits TIGHT = new ReadLimits(3, 6, 8, 220, 100, 60);

  @TempDir Path dir;

  /** What a reader made of a file: each record, then the error that stopped it, if any. */
  record Reading(List<String> records, String error) {}

  static Reading read(Path file, ReadLimits limits, boolean byteChecker) {
    List<String> records = new ArrayList<>();
    try (EventReader r = EventReader.open(file, limits, byteChecker)) {
      while (r.next()) {
        CheckedRecord c = r.checked();
        records.add(r.index() + " " + c + " " + r.rawRecord());
      }
      return new Reading(records, null);
    } catch (BadInputException e) {
      return new Reading(records, e.getMessage() + " @" + e.line() + ":" + e.column());
    }
  }

  static void assertSameReading(Path file, ReadLimits limits) {
    Reading expected = read(file, limits, false);
    Reading actual = read(file, limits, true);
    assertThat(actual.error()).as(file.toString()).isEqualTo(expected.error());
    assertThat(actual.records()).as(file.toString()).isEqualTo(expected.records());
  }

  @Test
  void generatedDataIsReadAsJacksonReadsIt() throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("gen"))
                    .events(20_000)
                    .users(500)
                    .seed(11)
                    .build())
            .generate();
    assertSameReading(data.events(), ReadLimits.DEFAULT);
    assertSameReading(data.events(), TIGHT);
  }

  @Test
  void mostGeneratedRecordsNeverReachJackson() throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("gen"))
                    .events(20_000)
                    .users(500)
                    .seed(12)
                    .build())
            .generate();
    JsonArrayRecordReader r =
        new JsonArrayRecordReader(
            data.events(),
            Files.newInputStream(data.events()),
            () -> Files.newInputStream(data.events()),
            ReadLimits.DEFAULT.jsonFactory(),
            ReadLimits.DEFAULT);
    assertThat(EventReaderTest.readAll(r)).hasSize(20_000);
    assertThat(r.parsedByJackson()).isLessThanOrEqualTo(20_000 / 100);
  }

  @Test
  @Timeout(180)
  void mutatedArraysAreReadAsJacksonReadsThem() throws IOException {
    byte[] base =
        Files.readAllBytes(TestFiles.copyResource("e2e/events.json", dir.resolve("base.json")));
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      Mutations.Case c = Mutations.randomCase(i, List.of(base), random); // gzipped now and then
      String what = c.description();
      byte[] content = c.content();
      Path file = Files.write(dir.resolve(c.fileName()), content);
      ReadLimits limits = i % 4 == 3 ? TIGHT : ReadLimits.DEFAULT;
      try {
        assertSameReading(file, limits);
      } catch (AssertionError e) {
        Path keep = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Files.write(keep.resolve("tiers-" + c.fileName().replace(' ', '-')), content);
        throw new AssertionError(
            "case " + i + " (" + what + ", " + (limits == TIGHT ? "tight" : "default") + " limits)",
            e);
      }
      Files.delete(file);
    }
  }

  @Test
  void errorsAfterManyRecordsKeepTheirPosition() throws IOException {
    StringBuilder s = new StringBuilder("[\n");
    for (int i = 0; i < 5_000; i++) {
      s.append("{\"user_id\":\"u")
          .append(i)
          .append("\",\"timestamp\":\"2024-01-01T00:00:00Z\"},\n");
    }
    // Small records limit: the Jackson reader skipping 350 KB of records must not count them as
    // one record, nor keep them all.
    ReadLimits smallRecords = new ReadLimits(1_000, 10_000, 50_000, 1_000, 500, 100);
    for (String tail :
        List.of(
            "{\"user_id\":1} {}]",
            "{\"user_id\":\"\\x\"}]",
            "{\"a\":1}] x",
            "{\"a\":1}",
            "{\"a\":[1,}]",
            "{\"a\":01}]",
            "\"" + "x".repeat(3_000) + "\"]")) {
      Path file = Files.write(dir.resolve("tail.json"), (s + tail).getBytes(UTF_8));
      for (ReadLimits limits : List.of(ReadLimits.DEFAULT, smallRecords)) {
        assertSameReading(file, limits);
        Reading reading = read(file, limits, true);
        if (limits == smallRecords
            || !tail.startsWith("\"")) { // the string is too large only there
          assertThat(reading.error()).as(tail).isNotNull().contains("line 5002");
          assertThat(reading.records().size()).isBetween(5_000, 5_001);
        }
      }
    }
  }
}
