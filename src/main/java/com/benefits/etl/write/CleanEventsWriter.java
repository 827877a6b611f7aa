package com.benefits.etl.write;

import com.benefits.etl.model.CleanEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** Opens writers of {@code clean_events.parquet} (SPEC 3.1). */
public final class CleanEventsWriter {

  static final ParquetTable<CleanEvent> TABLE =
      new ParquetTable<>(OutputSchemas.CLEAN_EVENTS, CleanEventsWriter::write,
          Set.of("timestamp", "timestamp_dt"));

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
    out.string("user_id", 0, row.userId());
    out.optionalString("event_type", 1, row.eventType());
    out.string("timestamp", 2, row.timestamp());
    out.int64("timestamp_dt", 3, row.timestampMicros());
    out.int32("event_date", 4, row.eventDate());
    out.optionalDouble("value", 5, row.value());
    out.optionalString("device", 6, row.device());
    out.optionalString("page", 7, row.page());
    out.optionalInt32("signup_date", 8, row.signupDate());
    out.string("country", 9, row.country());
  }
}
