package com.benefits.etl.internal.write;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.model.RejectedRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one row of each table. {@link NoHadoopAtRuntimeTest} runs it in a class loader that has no
 * Hadoop class, as at runtime.
 */
public final class HadoopFreeWriteProbe {

  private HadoopFreeWriteProbe() {}

  /** Writes the three files into {@code directory} and returns the rows written. */
  public static long run(String directory) throws IOException {
    Path dir = Path.of(directory);
    long rows = 0;
    try (var writer = CleanEventsWriter.open(dir.resolve("clean_events.parquet"))) {
      writer.write(
          new CleanEvent("u1", "click", "1970-01-01T00:00:00Z", 0, 0, 1.0, null, null, null, "US"));
      rows += writer.rowsWritten();
    }
    try (var writer = DailySummaryWriter.open(dir.resolve("daily_summary.parquet"))) {
      writer.write(new DailyCount("u1", 0, 1));
      rows += writer.rowsWritten();
    }
    try (var writer = RejectsWriter.open(dir.resolve("rejected_events.parquet"))) {
      writer.write(new RejectedRecord(0, RejectReason.DUPLICATE, "d", "{}"));
      rows += writer.rowsWritten();
    }
    return rows;
  }
}
