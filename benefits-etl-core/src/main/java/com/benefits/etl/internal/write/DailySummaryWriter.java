package com.benefits.etl.internal.write;

import com.benefits.etl.internal.model.DailyCount;
import java.io.IOException;
import java.nio.file.Path;

/** Opens writers of {@code daily_summary.parquet} (SPEC 3.2). */
public final class DailySummaryWriter {

  static final ParquetTable<DailyCount> TABLE =
      new ParquetTable<>(OutputSchemas.DAILY_SUMMARY, DailySummaryWriter::write);

  private DailySummaryWriter() {}

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
    out.string(0, row.userId()); // user_id
    out.int32(1, row.eventDate()); // event_date
    out.int64(2, row.eventCount()); // event_count
  }
}
