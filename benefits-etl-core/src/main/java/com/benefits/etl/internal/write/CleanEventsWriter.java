package com.benefits.etl.internal.write;

import com.benefits.etl.internal.model.CleanEvent;
import java.io.IOException;
import java.nio.file.Path;

/** Opens writers of {@code clean_events.parquet} (SPEC 3.1). */
public final class CleanEventsWriter {

  static final ParquetTable<CleanEvent> TABLE =
      new ParquetTable<>(OutputSchemas.CLEAN_EVENTS, CleanEventsWriter::write);

  private CleanEventsWriter() {}

  /** Opens a writer with default options; an existing file is overwritten. */
  public static ParquetTableWriter<CleanEvent> open(Path file) throws IOException {
    return open(file, ParquetWriterOptions.defaults());
  }

  /** Opens a writer; an existing file is overwritten. */
  public static ParquetTableWriter<CleanEvent> open(Path file, ParquetWriterOptions options)
      throws IOException {
    return ParquetTableWriter.open(file, TABLE, options);
  }

  private static void write(CleanEvent row, RowFields out) {
    out.string(0, row.userId()); // user_id
    out.string(1, row.eventType()); // event_type
    out.string(2, row.timestamp()); // timestamp
    out.int64(3, row.timestampMicros()); // timestamp_dt
    out.int32(4, row.eventDate()); // event_date
    out.optionalDouble(5, row.value()); // value
    out.string(6, row.device()); // device
    out.string(7, row.page()); // page
    out.optionalInt32(8, row.signupDate()); // signup_date
    out.string(9, row.country()); // country
  }
}
