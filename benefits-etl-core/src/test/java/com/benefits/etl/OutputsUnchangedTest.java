package com.benefits.etl;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.TestFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed work must not change a single row: the outputs for the bundled data ({@code data/}) are
 * compared, row by row in file order, with digests of what the single-threaded engine wrote before
 * the optimisations of issue 3 (commit 0ffb346, HashMap deduplication, in-thread Parquet writing).
 * The same comparison on 1M generated events gave equal digests for every column. If the bundled
 * data is regenerated, recompute the digests with a build of that commit.
 */
class OutputsUnchangedTest {

  @Test
  void bundledDataGivesTheRowsTheFirstEngineWrote(@TempDir Path dir) {
    Path output = dir.resolve("out");
    Path data = TestFiles.repository().resolve("data");
    EtlPipeline.of(data.resolve("raw_events.json"), data.resolve("users.csv"), output).run();

    assertThat(digest(output.resolve("clean_events.parquet")))
        .isEqualTo(Map.of("rows", 3784L, "digest", "7a40c11dcfdacbf155a2007609063d01"));
    assertThat(digest(output.resolve("daily_summary.parquet")))
        .isEqualTo(Map.of("rows", 3652L, "digest", "4ef7d400158f32dd51242aa745fee21d"));
    assertThat(digest(output.resolve("rejected_events.parquet")))
        .isEqualTo(Map.of("rows", 1216L, "digest", "6212a74e22b32fb00f73f8a297880f1d"));
  }

  /** Row count and the MD5 of every row's text, in file order. */
  private static Map<String, Object> digest(Path parquet) {
    return queryOne(
        "SELECT count(*) AS rows, md5(string_agg(t::VARCHAR, chr(10)"
            + " ORDER BY file_row_number)) AS digest FROM read_parquet("
            + literal(parquet)
            + ", file_row_number = true) t");
  }
}
