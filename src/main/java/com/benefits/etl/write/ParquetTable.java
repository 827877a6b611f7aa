package com.benefits.etl.write;

import static java.util.Objects.requireNonNull;

import org.apache.parquet.schema.MessageType;

/** One output table: its schema and how a row maps onto it. Internal to the writers. */
record ParquetTable<T>(MessageType schema, RowMapper<T> mapper) {

  ParquetTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(mapper, "mapper is null");
  }
}
