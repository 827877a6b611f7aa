package com.benefits.etl.internal.write;

import static java.util.Objects.requireNonNull;

import org.apache.parquet.schema.MessageType;

/**
 * One output table: its schema and how a row maps onto it. Every column starts with a dictionary
 * (docs/spec.md 3.5), and falls back to plain where the dictionary does not pay. Internal to the
 * writers.
 */
record ParquetTable<T>(MessageType schema, RowMapper<T> mapper) {

  ParquetTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(mapper, "mapper is null");
  }
}
