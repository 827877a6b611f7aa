package com.benefits.etl.write;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * The parquet-java {@link WriteSupport} for one output table: a fixed schema and a {@link
 * RowMapper}. Only the Hadoop-free {@link #init(ParquetConfiguration)} is supported.
 */
final class TableWriteSupport<T> extends WriteSupport<T> {
  private final MessageType schema;
  private final RowMapper<T> mapper;
  private RecordConsumer consumer;
  private RowFields fields;

  TableWriteSupport(MessageType schema, RowMapper<T> mapper) {
    this.schema = requireNonNull(schema, "schema is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of());
  }

  /**
   * Not supported: reaching this would load Hadoop, which is not on the runtime classpath.
   *
   * @deprecated parquet-java's Hadoop entry point; {@link #init(ParquetConfiguration)} is used.
   */
  @Override
  @Deprecated
  public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
    throw new UnsupportedOperationException(
        "Hadoop Configuration is not supported; use init(ParquetConfiguration)");
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = requireNonNull(recordConsumer, "recordConsumer is null");
    this.fields = new RowFields(recordConsumer);
  }

  @Override
  public void write(T row) {
    consumer.startMessage();
    mapper.write(row, fields);
    consumer.endMessage();
  }

  @Override
  public String getName() {
    return "benefits-etl";
  }
}
