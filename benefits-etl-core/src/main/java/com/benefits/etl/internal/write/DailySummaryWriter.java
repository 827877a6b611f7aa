package com.benefits.etl.internal.write;

import com.benefits.etl.internal.model.DailyCount;
import java.io.IOException;
import java.nio.file.Path;

/** Opens writers of {@code daily_summary.parquet} (docs/spec.md 3.2). */
public final class DailySummaryWriter {

  static final ParquetTable<DailyCount> TABLE =
      new ParquetTable<>(OutputSchemas.DAILY_SUMMARY, DailySummaryWriter::write);

  // Column positions, looked up by name in the schema, so the two cannot drift apart.
  private static final int USER_ID = column("user_id");
  private static final int EVENT_DATE = column("event_date");
  private static final int EVENT_COUNT = column("event_count");

  private DailySummaryWriter() {}

  private static int column(String name) {
    return OutputSchemas.DAILY_SUMMARY.getFieldIndex(name);
  }

  /** Opens a writer with default options; an existing file is overwritten. */
  public static ParquetTableWriter<DailyCount> open(Path file) throws IOException {
    return open(file, ParquetWriterOptions.defaults());
  }

  /** Opens a writer; an existing file is overwritten. */
  public static ParquetTableWriter<DailyCount> open(Path file, ParquetWriterOptions options)
      throws IOException {
    return ParquetTableWriter.open(file, TABLE, options);
  }

  private static void write(DailyCount row, RowFields out) {
    out.string(USER_ID, row.userId());
    out.int32(EVENT_DATE, row.eventDate());
    out.int64(EVENT_COUNT, row.eventCount());
  }
}
