package com.benefits.etl.internal.write;

/**
 * Size settings of a Parquet output file. Immutable and validated at construction; build one with
 * {@link #builder()} or take {@link #defaults()}.
 *
 * @param rowGroupSizeBytes target size of a row group, in bytes (buffered in memory per file)
 * @param pageSizeBytes target size of a data page, in bytes
 * @param dictionaryPageSizeBytes largest dictionary page, in bytes; a column whose dictionary
 *     outgrows it falls back to plain encoding
 */
public record ParquetWriterOptions(
    long rowGroupSizeBytes, int pageSizeBytes, int dictionaryPageSizeBytes) {

  /**
   * 64 MiB: each open writer buffers a row group in memory, and a run has two open at once, so this
   * is half of parquet-java's 128 MiB default to keep the whole run under 1 GiB.
   */
  public static final long DEFAULT_ROW_GROUP_SIZE_BYTES = 64L * 1024 * 1024;

  /** 1 MiB. */
  public static final int DEFAULT_PAGE_SIZE_BYTES = 1024 * 1024;

  /** 1 MiB. */
  public static final int DEFAULT_DICTIONARY_PAGE_SIZE_BYTES = 1024 * 1024;

  private static final ParquetWriterOptions DEFAULTS = builder().build();

  public ParquetWriterOptions {
    checkPositive("rowGroupSizeBytes", rowGroupSizeBytes);
    checkPositive("pageSizeBytes", pageSizeBytes);
    checkPositive("dictionaryPageSizeBytes", dictionaryPageSizeBytes);
    if (pageSizeBytes > rowGroupSizeBytes) {
      throw new IllegalArgumentException(
          "pageSizeBytes ("
              + pageSizeBytes
              + ") must not exceed rowGroupSizeBytes ("
              + rowGroupSizeBytes
              + ")");
    }
  }

  /** The defaults: 64 MiB row groups, 1 MiB pages, 1 MiB dictionary pages. */
  public static ParquetWriterOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void checkPositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Builds {@link ParquetWriterOptions}; every setting starts at its default. */
  public static final class Builder {
    private long rowGroupSizeBytes = DEFAULT_ROW_GROUP_SIZE_BYTES;
    private int pageSizeBytes = DEFAULT_PAGE_SIZE_BYTES;
    private int dictionaryPageSizeBytes = DEFAULT_DICTIONARY_PAGE_SIZE_BYTES;

    private Builder() {}

    public Builder rowGroupSizeBytes(long rowGroupSizeBytes) {
      this.rowGroupSizeBytes = rowGroupSizeBytes;
      return this;
    }

    public Builder pageSizeBytes(int pageSizeBytes) {
      this.pageSizeBytes = pageSizeBytes;
      return this;
    }

    public Builder dictionaryPageSizeBytes(int dictionaryPageSizeBytes) {
      this.dictionaryPageSizeBytes = dictionaryPageSizeBytes;
      return this;
    }

    /** Validates and returns the options. */
    public ParquetWriterOptions build() {
      return new ParquetWriterOptions(rowGroupSizeBytes, pageSizeBytes, dictionaryPageSizeBytes);
    }
  }
}
