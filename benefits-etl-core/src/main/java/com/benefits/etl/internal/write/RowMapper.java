package com.benefits.etl.internal.write;

/**
 * Maps one row object to the columns of its table, in schema order. One small implementation per
 * output table; internal to the writers.
 */
@FunctionalInterface
interface RowMapper<T> {
  void write(T row, RowFields fields);
}
