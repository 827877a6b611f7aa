package com.benefits.etl.internal.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.EventsFormat;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import com.benefits.etl.testing.Mutations;
import com.benefits.etl.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * NDJSON lines read by {@link com.benefits.etl.internal.rules.ByteRecordChecker} first against
 * lines read by Jackson alone: the same outcome and raw text for every line, on generated data and
 * on mutated files, under the default limits and tight ones.
 */
class NdjsonByteCheckerTest {
  @TempDir Path dir;

  @Test
  void generatedLinesAreReadAsJacksonReadsThem() throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("gen"))
                    .events(20_000)
                    .users(500)
                    .seed(13)
                    .format(EventsFormat.NDJSON)
                    .build())
            .generate();
    JsonArrayTiersTest.assertSameReading(data.events(), ReadLimits.DEFAULT);
    JsonArrayTiersTest.assertSameReading(data.events(), JsonArrayTiersTest.TIGHT);
    NdjsonRecordReader r =
        new NdjsonRecordReader(
            data.events(),
            Files.newInputStream(data.events()),
            ReadLimits.DEFAULT.jsonFactory(),
            ReadLimits.DEFAULT,
            true);
    assertThat(EventReaderTest.readAll(r)).hasSize(20_000);
    assertThat(r.parsedByJackson()).isLessThanOrEqualTo(20_000 / 100);
  }

  @Test
  void edgeLinesAreReadAsJacksonReadsThem() throws IOException {
    String lines =
        String.join(
                "\n",
                List.of(
                    "{\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\"}",
                    "  {\"user_id\":\"u1\",\"timestamp\":\"2024-03-15T14:22:05Z\"} \t\r",
                    "{\"user_id\":\"u1\"} {}",
                    "{\"user_id\":\"u1\"},",
                    "12",
                    "-0",
                    "1.5e3 ",
                    "12x",
                    "\"a string\"",
                    "null",
                    "true",
                    "[1,2]",
                    "[",
                    "{",
                    "{\"a\":[[[[[[[[[[[[1]]]]]]]]]]]]}",
                    "{\"user_id\":\"\\u00e9\",\"value\":\"oops\",\"metadata\":[1]}",
                    "\uFEFF{\"user_id\":\"u1\"}",
                    "{\"user_id\":\"u1\",\"value\":1e400}"))
            + "\n";
    Path file = Files.write(dir.resolve("edges.ndjson"), lines.getBytes(UTF_8));
    JsonArrayTiersTest.assertSameReading(file, ReadLimits.DEFAULT);
    JsonArrayTiersTest.assertSameReading(file, JsonArrayTiersTest.TIGHT);
  }

  @Test
  @Timeout(120)
  void mutatedLinesAreReadAsJacksonReadsThem() throws IOException {
    byte[] base =
        Mutations.ndjson(
            Files.readAllBytes(
                TestFiles.copyResource("e2e/events.json", dir.resolve("base.json"))));
    Random random = new Random(JsonArrayTiersTest.SEED + 1);
    for (int i = 0; i < JsonArrayTiersTest.CASES / 2; i++) {
      Mutations.Case c = Mutations.randomCase(i, List.of(base), random);
      Path file = Files.write(dir.resolve(c.fileName()), c.content());
      ReadLimits limits = i % 4 == 3 ? JsonArrayTiersTest.TIGHT : ReadLimits.DEFAULT;
      try {
        JsonArrayTiersTest.assertSameReading(file, limits);
      } catch (AssertionError e) {
        throw new AssertionError("case " + i + " (" + c.description() + ")", e);
      }
      Files.delete(file);
    }
  }
}
