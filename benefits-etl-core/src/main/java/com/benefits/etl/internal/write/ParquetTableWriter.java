package com.benefits.etl.internal.write;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes rows of one table to a local Parquet file, as docs/spec.md 3.5 asks: Snappy on every
 * column chunk, dictionary encoding, min/max/null-count statistics, format v1 data pages (the most
 * widely readable). Rows are split into columns as they arrive ({@link ColumnChunkWriter});
 * parquet-java's {@link ParquetFileWriter} lays out the file, its footer and its page indexes. No
 * Hadoop class is touched. An existing file at the path is overwritten; callers that need atomic
 * replacement write to a temporary file they own and rename it.
 *
 * <p>Open one with {@link CleanEventsWriter}, {@link DailySummaryWriter} or {@link RejectsWriter}.
 * Not thread-safe. If {@link #write} throws, the file is incomplete: close the writer and delete
 * the file.
 *
 * @param <T> the row type
 */
public final class ParquetTableWriter<T> implements AutoCloseable {
  private final Path file;
  private final ParquetFileWriter writer;
  private final RowMapper<T> mapper;
  private final ColumnChunkWriter[] columns;

  /** The compressed pages of the open row group, of all the columns. */
  private final PageStore pages = new PageStore();

  private final RowFields fields;
  private final long rowGroupSizeBytes;
  private long rowsInGroup;
  private long rowsWritten;
  private boolean closed;
  private boolean failed;

  private ParquetTableWriter(
      Path file, ParquetFileWriter writer, ParquetTable<T> table, ParquetWriterOptions options) {
    this.file = file;
    this.writer = writer;
    this.mapper = table.mapper();
    List<ColumnDescriptor> descriptors = table.schema().getColumns();
    this.columns = new ColumnChunkWriter[descriptors.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = column(descriptors.get(i), options, pages);
    }
    this.fields = new RowFields(columns);
    this.rowGroupSizeBytes = options.rowGroupSizeBytes();
  }

  private static ColumnChunkWriter column(
      ColumnDescriptor descriptor, ParquetWriterOptions options, PageStore pages) {
    return switch (descriptor.getPrimitiveType().getPrimitiveTypeName()) {
      case BINARY -> new StringColumnWriter(descriptor, options, pages);
      case INT32 -> new FixedColumnWriter(descriptor, FixedColumnWriter.Kind.INT32, options, pages);
      case INT64 -> new FixedColumnWriter(descriptor, FixedColumnWriter.Kind.INT64, options, pages);
      case DOUBLE ->
          new FixedColumnWriter(descriptor, FixedColumnWriter.Kind.DOUBLE, options, pages);
      default ->
          throw new IllegalArgumentException(
              "no writer for column "
                  + descriptor.getPrimitiveType().getName()
                  + " of type "
                  + descriptor.getPrimitiveType().getPrimitiveTypeName());
    };
  }

  static <T> ParquetTableWriter<T> open(
      Path file, ParquetTable<T> table, ParquetWriterOptions options) throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(table, "table is null");
    requireNonNull(options, "options is null");
    ParquetFileWriter writer =
        new ParquetFileWriter(
            new LocalOutputFile(file),
            table.schema(),
            ParquetFileWriter.Mode.OVERWRITE,
            options.rowGroupSizeBytes(),
            0,
            ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
            ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH,
            ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
    writer.start();
    return new ParquetTableWriter<>(file, writer, table, options);
  }

  /** Appends one row. */
  public void write(T row) throws IOException {
    requireNonNull(row, "row is null");
    if (closed) {
      throw new IllegalStateException("Parquet writer for " + file + " is closed");
    }
    boolean done = false;
    try {
      mapper.write(row, fields);
      rowsInGroup++;
      if (bufferedBytes() >= rowGroupSizeBytes) {
        writeRowGroup();
      }
      done = true;
    } finally {
      failed |= !done;
    }
    rowsWritten++;
  }

  private long bufferedBytes() {
    long bytes = 0;
    for (ColumnChunkWriter c : columns) {
      bytes += c.bufferedBytes();
    }
    return bytes;
  }

  private void writeRowGroup() throws IOException {
    writer.startBlock(rowsInGroup);
    for (ColumnChunkWriter c : columns) {
      c.writeChunk(writer);
    }
    pages.clear();
    writer.endBlock();
    rowsInGroup = 0;
  }

  /** Rows appended so far. */
  public long rowsWritten() {
    return rowsWritten;
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  /**
   * Releases the file without writing the rows still buffered or the footer, for a run that is
   * abandoned and deletes the file: encoding a row group of up to 64 MiB would only delay its end.
   * The file stays incomplete. After {@link #close()}, or twice, it does nothing.
   */
  public void abort() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    writer.abort();
  }

  /**
   * Writes the last row group and the footer. Closing twice does nothing. After a failed {@link
   * #write} it only releases the file, which stays incomplete.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (failed) {
      writer.abort();
      return;
    }
    boolean done = false;
    try {
      if (rowsInGroup > 0) {
        writeRowGroup();
      }
      writer.end(Map.of());
      done = true;
    } finally {
      if (!done) {
        writer.abort();
      }
    }
  }
}
