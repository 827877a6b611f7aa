package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the fuzz tests ({@link ReaderFuzzTest}, {@code read.EventReaderFuzzTest}) found handled
 * badly, kept under {@code src/test/resources/regressions/}, one named test each.
 */
class FuzzRegressionsTest {
  @TempDir Path dir;

  private String fatal(String resource) {
    Path events = TestFiles.copyResource("regressions/" + resource, dir.resolve(resource));
    Path users = TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));
    CliResult r = CliResult.run(events, users, dir.resolve("out"));
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines().count()).isEqualTo(1);
    return r.err().strip();
  }

  /** Fuzz case 855 (seed 20260601): a gzip file cut inside its header said "cannot read: null". */
  @Test
  void gzipCutInsideItsHeaderSaysSoInsteadOfNull() {
    assertThat(fatal("truncated-gzip-header.json.gz"))
        .isEqualTo(
            "error: "
                + dir.resolve("truncated-gzip-header.json.gz")
                + ": the gzip data is truncated or corrupt"
                + " (unexpected end of data); expected a complete .gz file");
  }

  /**
   * Fuzz case 6: a gzip stream cut short gave only Java's "Unexpected end of ZLIB input stream".
   */
  @Test
  void gzipStreamCutShortSaysTheFileIsTruncated() {
    assertThat(fatal("truncated-gzip-stream.json.gz"))
        .isEqualTo(
            "error: "
                + dir.resolve("truncated-gzip-stream.json.gz")
                + ": the gzip data is truncated or corrupt"
                + " (Unexpected end of ZLIB input stream); expected a complete .gz file");
  }
}
