package com.benefits.etl.internal.write;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.model.ValidEvent;

/**
 * Receives the fields of one row, by column index in schema order, and hands each to its column. A
 * null for a nullable column is recorded as a null; for a required one it is an error. Internal to
 * the writers.
 */
final class RowFields {
  private final ColumnChunkWriter[] columns;

  RowFields(ColumnChunkWriter[] columns) {
    this.columns = requireNonNull(columns, "columns is null");
  }

  void string(int column, String value) {
    columns[column].addString(value);
  }

  /**
   * The string field {@code field} of {@code event} (see {@link ValidEvent#text}), from its UTF-8
   * bytes when the event holds them.
   */
  void text(int column, ValidEvent event, int field) {
    if (!event.inByteForm()) {
      columns[column].addString(event.text(field));
      return;
    }
    int length = event.length(field);
    if (length < 0) {
      columns[column].addNull();
    } else {
      columns[column].addUtf8(event.bytes(), event.from(field), length);
    }
  }

  /** A string given as its UTF-8, which the caller has checked is well formed. */
  void utf8(int column, byte[] value) {
    columns[column].addUtf8(value, 0, value.length);
  }

  void int32(int column, int value) {
    columns[column].addInt(value);
  }

  void optionalInt32(int column, Integer value) {
    if (value == null) {
      columns[column].addNull();
    } else {
      columns[column].addInt(value);
    }
  }

  void int64(int column, long value) {
    columns[column].addLong(value);
  }

  void optionalDouble(int column, Double value) {
    if (value == null) {
      columns[column].addNull();
    } else {
      columns[column].addDouble(value);
    }
  }
}
