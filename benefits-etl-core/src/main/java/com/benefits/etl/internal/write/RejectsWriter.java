package com.benefits.etl.internal.write;

import com.benefits.etl.internal.model.RejectedRecord;
import java.io.IOException;
import java.nio.file.Path;

/** Opens writers of {@code rejected_events.parquet} (SPEC 3.3). */
public final class RejectsWriter {

  static final ParquetTable<RejectedRecord> TABLE =
      new ParquetTable<>(OutputSchemas.REJECTED_EVENTS, RejectsWriter::write);

  private RejectsWriter() {}

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
    out.int64(0, row.recordIndex()); // record_index
    out.string(1, row.reason().code()); // reason
    out.string(2, row.detail()); // detail
    out.string(3, row.rawRecord()); // raw_record
  }
}
