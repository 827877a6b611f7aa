package com.benefits.etl.write;

import static java.util.Objects.requireNonNull;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Emits the top-level fields of one row to a {@link RecordConsumer}. The {@code optional...}
 * methods skip a null value entirely (no {@code startField}), which is how Parquet records a null.
 * Internal to the writers.
 */
final class RowFields {
  private final RecordConsumer consumer;

  RowFields(RecordConsumer consumer) {
    this.consumer = requireNonNull(consumer, "consumer is null");
  }

  void string(String name, int index, String value) {
    consumer.startField(name, index);
    consumer.addBinary(Binary.fromString(value));
    consumer.endField(name, index);
  }

  void optionalString(String name, int index, String value) {
    if (value != null) {
      string(name, index, value);
    }
  }

  void int32(String name, int index, int value) {
    consumer.startField(name, index);
    consumer.addInteger(value);
    consumer.endField(name, index);
  }

  void optionalInt32(String name, int index, Integer value) {
    if (value != null) {
      int32(name, index, value);
    }
  }

  void int64(String name, int index, long value) {
    consumer.startField(name, index);
    consumer.addLong(value);
    consumer.endField(name, index);
  }

  void optionalDouble(String name, int index, Double value) {
    if (value != null) {
      consumer.startField(name, index);
      consumer.addDouble(value);
      consumer.endField(name, index);
    }
  }
}
