package com.benefits.etl.write;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.apache.parquet.schema.MessageType;

/**
 * One output table: its schema, how a row maps onto it, and the columns written without a
 * dictionary because nearly every value differs (a dictionary there only costs time before
 * parquet-java falls back to plain). Internal to the writers.
 */
record ParquetTable<T>(MessageType schema, RowMapper<T> mapper, Set<String> plainColumns) {

  ParquetTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(mapper, "mapper is null");
    plainColumns = Set.copyOf(plainColumns);
    for (String column : plainColumns) {
      if (!schema.containsField(column)) {
        throw new IllegalArgumentException("no column " + column + " in " + schema.getName());
      }
    }
  }
}
