package com.benefits.etl.internal.read;

import com.benefits.etl.internal.model.CheckedRecord;
import java.io.Closeable;

/**
 * Reads event records one at a time and checks each against steps 1–3 of docs/spec.md. Only the
 * current record is held; {@link #rawRecord()} is valid until the next call to {@link #next()}.
 */
interface RecordReader extends Closeable {

  /** Advances to the next record; false at the end of the input. */
  boolean next();

  /** The current record's outcome of steps 1–3. */
  CheckedRecord checked();

  /** The current record as written in the input (its JSON text, or its NDJSON line). */
  String rawRecord();

  /** Adds the current record's raw text, as {@link #rawRecord()} gives it, to {@code batch}. */
  default void rawRecordTo(RawRecords batch) {
    batch.add(rawRecord());
  }
}
