package com.benefits.etl;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.generate.ExpectedCounts;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import com.benefits.etl.testing.SpecOracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline on generated dirty data, record by record against an independent in-memory model of
 * docs/spec.md, section 2 ({@link SpecOracle}) and against the generator's own manifest.
 */
class PipelineMatchesSpecOracleTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} gzip={1} seed={2}")
  @CsvSource({"ARRAY, false, 7", "NDJSON, false, 8", "NDJSON, true, 9", "ARRAY, true, 10"})
  void everyRecordEndsWhereTheSpecSays(EventsFormat format, boolean gzip, long seed)
      throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("in"))
                    .events(30_000)
                    .users(800)
                    .seed(seed)
                    .format(format)
                    .gzip(gzip)
                    .build())
            .generate();
    Path output = dir.resolve("out");

    RunResult result = EtlPipeline.of(data.events(), data.users(), output).run();

    SpecOracle.Result oracle = SpecOracle.run(data.events(), data.users());
    List<String> fates = new ArrayList<>(Collections.nCopies((int) result.recordsRead(), "clean"));
    for (Map<String, Object> row :
        query(
            "SELECT record_index, reason FROM read_parquet("
                + literal(output.resolve("rejected_events.parquet"))
                + ")")) {
      fates.set(((Long) row.get("record_index")).intValue(), (String) row.get("reason"));
    }
    for (int i = 0; i < fates.size(); i++) {
      assertThat(fates.get(i)).as("record %d", i).isEqualTo(oracle.fates().get(i));
    }
    assertThat(fates).hasSameSizeAs(oracle.fates());
    assertThat(result.invariantHolds()).isTrue();
  }

  @ParameterizedTest(name = "{0} gzip={1} seed={2}")
  @CsvSource({"ARRAY, false, 7", "NDJSON, false, 8", "NDJSON, true, 9", "ARRAY, true, 10"})
  void countsEqualTheGeneratorsManifest(EventsFormat format, boolean gzip, long seed)
      throws IOException {
    GeneratedData data =
        new MockDataGenerator(
                GeneratorOptions.builder(dir.resolve("in"))
                    .events(30_000)
                    .users(800)
                    .seed(seed)
                    .format(format)
                    .gzip(gzip)
                    .build())
            .generate();

    RunResult result = EtlPipeline.of(data.events(), data.users(), dir.resolve("out")).run();

    ExpectedCounts expected = data.expected();
    assertThat(result.recordsRead()).isEqualTo(expected.recordsRead());
    assertThat(result.cleanEvents()).isEqualTo(expected.clean());
    for (RejectReason reason : RejectReason.values()) {
      assertThat(result.rejected(reason)).as(reason.code()).isEqualTo(expected.rejected(reason));
    }
    assertThat(result.dailySummaryRows()).isEqualTo(expected.dailySummaryRows());
    assertThat(result.users().rows()).isEqualTo(expected.users().rows());
    assertThat(result.users().blankIds()).isEqualTo(expected.users().blankIds());
    assertThat(result.users().duplicateIds()).isEqualTo(expected.users().duplicateIds());
    assertThat(result.users().invalidSignupDates())
        .isEqualTo(expected.users().invalidSignupDates());
    assertThat(result.invariantHolds()).isTrue();
  }
}
