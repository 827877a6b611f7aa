package com.benefits.etl.internal.write;

import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.ValidEvent;
import java.io.IOException;
import java.nio.file.Path;

/** Opens writers of {@code clean_events.parquet} (docs/spec.md 3.1). */
public final class CleanEventsWriter {

  static final ParquetTable<CleanEvent> TABLE =
      new ParquetTable<>(OutputSchemas.CLEAN_EVENTS, CleanEventsWriter::write);

  // Column positions, looked up by name in the schema, so the two cannot drift apart.
  private static final int USER_ID = column("user_id");
  private static final int EVENT_TYPE = column("event_type");
  private static final int TIMESTAMP = column("timestamp");
  private static final int TIMESTAMP_DT = column("timestamp_dt");
  private static final int EVENT_DATE = column("event_date");
  private static final int VALUE = column("value");
  private static final int DEVICE = column("device");
  private static final int PAGE = column("page");
  private static final int SIGNUP_DATE = column("signup_date");
  private static final int COUNTRY = column("country");

  private CleanEventsWriter() {}

  private static int column(String name) {
    return OutputSchemas.CLEAN_EVENTS.getFieldIndex(name);
  }

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
    ValidEvent e = row.event();
    out.text(USER_ID, e, ValidEvent.USER_ID);
    out.text(EVENT_TYPE, e, ValidEvent.EVENT_TYPE);
    out.text(TIMESTAMP, e, ValidEvent.TIMESTAMP);
    out.int64(TIMESTAMP_DT, e.timestampMicros());
    out.int32(EVENT_DATE, row.eventDate());
    out.optionalDouble(VALUE, e.value());
    out.text(DEVICE, e, ValidEvent.DEVICE);
    out.text(PAGE, e, ValidEvent.PAGE);
    out.optionalInt32(SIGNUP_DATE, row.signupDate());
    out.string(COUNTRY, row.country());
  }
}
