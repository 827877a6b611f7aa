package com.benefits.etl.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.RejectedRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run abandoned part-way (a SIGINT or SIGTERM, or a fatal error) deletes its files, so it must
 * not first encode the row groups they still buffer: on a large input that took one to two seconds,
 * twice the "about a second" an interrupt may take (issue 14, point 3).
 */
class AbandonedWriterTest {
  @TempDir Path dir;

  /** At most what parquet-java writes when a file starts: the magic bytes {@code PAR1}. */
  private static final long JUST_STARTED = 4;

  @Test
  void closingAnUnfinishedAsyncWriterEncodesNothingItBuffered() throws Exception {
    Path clean = dir.resolve("c.parquet");
    Path rejects = dir.resolve("r.parquet");
    try (AsyncEventWriter writer =
        new AsyncEventWriter(CleanEventsWriter.open(clean), RejectsWriter.open(rejects), k -> {})) {
      for (int i = 0; i < AsyncEventWriter.BATCH_ROWS * 4; i++) {
        writer.clean(new CleanEvent("u" + i, "login", "t" + i, i, 0, 1.0, "d", "p", null, "US"), i);
        writer.reject(new RejectedRecord(i, RejectReason.DUPLICATE, "detail " + i, "{}"));
      }
    } // closed without finish(): abandoned

    assertThat(Files.size(clean)).isLessThanOrEqualTo(JUST_STARTED);
    assertThat(Files.size(rejects)).isLessThanOrEqualTo(JUST_STARTED);
  }

  @Test
  void abortReleasesATableWriterWithoutWritingAndCloseAfterItDoesNothing() throws Exception {
    Path file = dir.resolve("r.parquet");
    ParquetTableWriter<RejectedRecord> writer = RejectsWriter.open(file);
    writer.write(new RejectedRecord(0, RejectReason.DUPLICATE, "d", "{}"));

    writer.abort();
    writer.close();
    writer.abort();

    assertThat(Files.size(file)).isLessThanOrEqualTo(JUST_STARTED);
  }
}
