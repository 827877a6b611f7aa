package com.benefits.etl.write;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes rows of one table to a local Parquet file, as SPEC 3.5 asks: Snappy on every column
 * chunk, dictionary encoding, min/max/null-count statistics, format v1 data pages (the most widely
 * readable). No Hadoop class is touched. An existing file at the path is overwritten; callers
 * that need atomic replacement write to a temporary file they own and rename it.
 *
 * <p>Open one with {@link CleanEventsWriter}, {@link DailySummaryWriter} or {@link RejectsWriter}.
 * Not thread-safe. If {@link #write} throws, the file is incomplete: close the writer and delete
 * the file.
 *
 * @param <T> the row type
 */
public final class ParquetTableWriter<T> implements AutoCloseable {
  private final Path file;
  private final ParquetWriter<T> writer;
  private long rowsWritten;
  private boolean closed;

  private ParquetTableWriter(Path file, ParquetWriter<T> writer) {
    this.file = file;
    this.writer = writer;
  }

  static <T> ParquetTableWriter<T> open(
      Path file, ParquetTable<T> table, ParquetWriterOptions options) throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(table, "table is null");
    requireNonNull(options, "options is null");
    Builder<T> builder =
        new Builder<>(new TableWriteSupport<>(table.schema(), table.mapper()))
            .withFile(new LocalOutputFile(file))
            .withConf(new PlainParquetConfiguration())
            .withCodecFactory(new SnappyCodecFactory())
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withWriterVersion(WriterVersion.PARQUET_1_0)
            .withDictionaryEncoding(true)
            .withStatisticsEnabled(true)
            .withValidation(false)
            .withRowGroupSize(options.rowGroupSizeBytes())
            .withPageSize(options.pageSizeBytes())
            .withDictionaryPageSize(options.dictionaryPageSizeBytes());
    for (String column : table.plainColumns()) {
      builder.withDictionaryEncoding(column, false);
    }
    ParquetWriter<T> writer = builder.build();
    return new ParquetTableWriter<>(file, writer);
  }

  /** Appends one row. */
  public void write(T row) throws IOException {
    requireNonNull(row, "row is null");
    if (closed) {
      throw new IllegalStateException("Parquet writer for " + file + " is closed");
    }
    writer.write(row);
    rowsWritten++;
  }

  /** Rows appended so far. */
  public long rowsWritten() {
    return rowsWritten;
  }

  /** The file being written. */
  public Path file() {
    return file;
  }

  /** Flushes the last row group and writes the footer. Closing twice does nothing. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      writer.close();
    }
  }

  /** parquet-java's builder, wired to our own write support and no Hadoop configuration. */
  private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
    private final WriteSupport<T> writeSupport;

    // The no-argument constructor plus withFile(OutputFile): choosing between super(OutputFile)
    // and super(org.apache.hadoop.fs.Path) would make javac read Hadoop's Path class file, whose
    // annotations live in a jar deliberately kept off the classpath (a -Werror classfile warning).
    Builder(WriteSupport<T> writeSupport) {
      this.writeSupport = writeSupport;
    }

    @Override
    protected Builder<T> self() {
      return this;
    }

    @Override
    protected WriteSupport<T> getWriteSupport(ParquetConfiguration configuration) {
      return writeSupport;
    }

    /**
     * Not supported: parquet-java calls it only when no {@link ParquetConfiguration} is set.
     *
     * @deprecated parquet-java's Hadoop entry point; the {@link ParquetConfiguration} one is used.
     */
    @Override
    @Deprecated
    protected WriteSupport<T> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
      throw new UnsupportedOperationException(
          "Hadoop Configuration is not supported; use getWriteSupport(ParquetConfiguration)");
    }
  }
}
