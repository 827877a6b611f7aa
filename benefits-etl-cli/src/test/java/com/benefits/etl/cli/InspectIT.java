package com.benefits.etl.cli;

import static com.benefits.etl.testing.DuckDb.literal;
import static com.benefits.etl.testing.DuckDb.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.TestFiles;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code etl inspect} from the packaged jar in a separate process, with nothing but lib/ on the
 * classpath: parquet-java reads the outputs with no Hadoop class at hand.
 */
class InspectIT {
  @Test
  void inspectsARunsOutputsWithoutHadoop(@TempDir Path dir) throws Exception {
    Path data = TestFiles.repository().resolve("data");
    PackagedJarIT.Result run =
        PackagedJarIT.java(
            dir,
            "run",
            "--events",
            data.resolve("raw_events.json").toString(),
            "--users",
            data.resolve("users.csv").toString(),
            "--output",
            "out");
    assertThat(run.status()).as(run.err()).isZero();

    PackagedJarIT.Result r = PackagedJarIT.java(dir, "inspect", "out", "--rows", "3");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    for (String name :
        List.of("clean_events.parquet", "daily_summary.parquet", "rejected_events.parquet")) {
      Object rows =
          queryOne(
                  "SELECT count(*) AS n FROM read_parquet("
                      + literal(dir.resolve("out").resolve(name))
                      + ")")
              .get("n");
      assertThat(r.out()).contains(String.format(Locale.ROOT, "out/%s: %,d rows, ", name, rows));
    }
    assertThat(r.out())
        .contains("first 3 of")
        .contains("rows by reason")
        .contains("out/run_report.json: ");
  }

  @Test
  void aTruncatedFileExitsTwoWithOneLineNamingIt(@TempDir Path dir) throws Exception {
    TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    assertThat(PackagedJarIT.java(dir, "run").status()).isZero();
    try (RandomAccessFile f =
        new RandomAccessFile(dir.resolve("output/clean_events.parquet").toFile(), "rw")) {
      f.setLength(f.length() - 100);
    }

    PackagedJarIT.Result r = PackagedJarIT.java(dir, "inspect");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: output/clean_events.parquet: not a Parquet file: it does not end with PAR1"
                + " (truncated, or still being written?)");
  }
}
