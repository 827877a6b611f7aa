package com.benefits.etl.internal.write;

import com.benefits.etl.internal.model.RejectedRecord;
import java.io.IOException;
import java.nio.file.Path;

/** Opens writers of {@code rejected_events.parquet} (docs/spec.md 3.3). */
public final class RejectsWriter {

  static final ParquetTable<RejectedRecord> TABLE =
      new ParquetTable<>(OutputSchemas.REJECTED_EVENTS, RejectsWriter::write);

  // Column positions, looked up by name in the schema, so the two cannot drift apart.
  private static final int RECORD_INDEX = column("record_index");
  private static final int REASON = column("reason");
  private static final int DETAIL = column("detail");
  private static final int RAW_RECORD = column("raw_record");

  private RejectsWriter() {}

  private static int column(String name) {
    return OutputSchemas.REJECTED_EVENTS.getFieldIndex(name);
  }

  /** Opens a writer with default options; an existing file is overwritten. */
  public static ParquetTableWriter<RejectedRecord> open(Path file) throws IOException {
    return open(file, ParquetWriterOptions.defaults());
  }

  /** Opens a writer; an existing file is overwritten. */
  public static ParquetTableWriter<RejectedRecord> open(Path file, ParquetWriterOptions options)
      throws IOException {
    return ParquetTableWriter.open(file, TABLE, options);
  }

  private static void write(RejectedRecord row, RowFields out) {
    out.int64(RECORD_INDEX, row.recordIndex());
    out.string(REASON, row.reason().code());
    out.string(DETAIL, row.detail());
    byte[] raw = row.rawUtf8();
    if (raw != null) {
      out.utf8(RAW_RECORD, raw);
    } else {
      out.string(RAW_RECORD, row.rawRecord());
    }
  }
}
