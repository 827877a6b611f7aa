package com.benefits.etl.internal.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Encodes one column of a table, a row group at a time, into Snappy-compressed format v1 data
 * pages: definition levels (for a nullable column), then the values, either as ids into the chunk's
 * dictionary or plain. It replaces parquet-java's per-value record layer, which the benchmark
 * profile showed to be the writer thread's main cost: here a row costs one array store per column,
 * and statistics for dictionary pages are taken once per distinct value.
 *
 * <p>What is written is what parquet-java's own v1 writer writes: pages of at most {@link
 * #PAGE_ROW_LIMIT} rows or the page size, min/max/null-count statistics per page (merged by {@link
 * ParquetFileWriter} into the chunk's statistics and column index), a {@code PLAIN_DICTIONARY}
 * dictionary page first. A column falls back to plain encoding for the rest of the chunk when its
 * dictionary outgrows the dictionary page size, or when the first page shows that the dictionary
 * does not make it smaller; the next row group starts a fresh dictionary.
 *
 * <p>Subclasses hold the values of one physical type; they call {@link #addId} or {@link #addPlain}
 * once per non-null value, and keep the current page's min and max.
 *
 * <p>{@code PLAIN_DICTIONARY} and {@code BIT_PACKED} are deprecated names in parquet-java, but they
 * are what format v1 pages declare, and what parquet-java's own v1 writer declares.
 */
@SuppressWarnings("deprecation")
abstract class ColumnChunkWriter {
  /** parquet-java's default page row limit, 20,000. */
  static final int PAGE_ROW_LIMIT = ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT;

  private final ColumnDescriptor descriptor;
  private final boolean optional;
  private final int pageSizeBytes;
  private final int dictionaryPageSizeBytes;

  /** The plain encoding of the dictionary's entries, in id order. */
  protected final ByteSink dictionary = new ByteSink(1024);

  /** The plain encoding of the current page's values, when the page is plain. */
  protected final ByteSink plain = new ByteSink(64 * 1024);

  private boolean dictionaryMode = true;
  private boolean dictionaryPagesWritten;
  private int dictionarySize;

  /** Definition level per row of the page: 1 for a value, 0 for a null. */
  private final int[] defined = new int[PAGE_ROW_LIMIT];

  private final int[] ids = new int[PAGE_ROW_LIMIT];
  private int rows;
  private int nulls;
  private int idCount;
  private long pagePlainBytes;

  /** Counts pages, so subclasses can tell a dictionary entry already seen in this page. */
  private int pageNumber = 1;

  private final RunLengthBitPackingHybridEncoder levelEncoder = encoder(1);
  private RunLengthBitPackingHybridEncoder idEncoder;
  private int idEncoderWidth;

  private final PageStore store;
  private final List<EncodedPage> pages = new ArrayList<>();
  private final ByteSink page = new ByteSink(64 * 1024);
  private long pagesBytes;
  private long valueCount;

  /** One finished, compressed data page of the current chunk. */
  private record EncodedPage(
      PageStore.Page compressed,
      int uncompressedSize,
      int rows,
      Statistics<?> statistics,
      Encoding encoding) {}

  /**
   * @param store where the chunk's compressed pages wait for the row group's end; shared by the
   *     table's columns, and cleared by the table writer once every chunk is written
   */
  ColumnChunkWriter(ColumnDescriptor descriptor, ParquetWriterOptions options, PageStore store) {
    this.store = store;
    this.descriptor = descriptor;
    this.optional = descriptor.getMaxDefinitionLevel() > 0;
    this.pageSizeBytes = options.pageSizeBytes();
    this.dictionaryPageSizeBytes = options.dictionaryPageSizeBytes();
  }

  final PrimitiveType type() {
    return descriptor.getPrimitiveType();
  }

  final String name() {
    return descriptor.getPrimitiveType().getName();
  }

  void addString(String value) {
    throw unsupported("a string");
  }

  /**
   * Adds the string whose UTF-8 is the {@code length} bytes at {@code from} in {@code b}, which the
   * caller has checked are well-formed UTF-8.
   */
  void addUtf8(byte[] b, int from, int length) {
    throw unsupported("a string");
  }

  void addInt(int value) {
    throw unsupported("an INT32");
  }

  void addLong(long value) {
    throw unsupported("an INT64");
  }

  void addDouble(double value) {
    throw unsupported("a DOUBLE");
  }

  private IllegalArgumentException unsupported(String what) {
    return new IllegalArgumentException(
        "column " + name() + " is " + type().getPrimitiveTypeName() + ", not " + what);
  }

  /** Records a null; the column must be nullable. */
  final void addNull() {
    if (!optional) {
      throw new IllegalArgumentException("column " + name() + " is required, got null");
    }
    defined[rows++] = 0;
    nulls++;
    if (rows == PAGE_ROW_LIMIT) {
      endPage();
    }
  }

  /** True while values go in as dictionary ids. */
  final boolean dictionaryMode() {
    return dictionaryMode;
  }

  final int pageNumber() {
    return pageNumber;
  }

  /**
   * True if a new dictionary entry of this plain size still fits the dictionary page; if not, the
   * column falls back to plain encoding and the caller must {@link #addPlain} the value instead.
   */
  final boolean dictionaryAccepts(int plainSize) {
    if (dictionary.size() + (long) plainSize <= dictionaryPageSizeBytes) {
      return true;
    }
    fallBackToPlain(false);
    return false;
  }

  /** How many entries the chunk's dictionary holds. */
  final int dictionarySize() {
    return dictionarySize;
  }

  /** Assigns the next dictionary id; the subclass has appended the entry to {@link #dictionary}. */
  final int newDictionaryId() {
    return dictionarySize++;
  }

  /** Adds one non-null value as a dictionary id. */
  final void addId(int id, int plainSize) {
    defined[rows++] = 1;
    ids[idCount++] = id;
    pagePlainBytes += plainSize;
    if (rows == PAGE_ROW_LIMIT) {
      endPage();
    }
  }

  /** Adds one non-null value the subclass has just written to {@link #plain}. */
  final void addPlain() {
    defined[rows++] = 1;
    if (rows == PAGE_ROW_LIMIT || plain.size() >= pageSizeBytes) {
      endPage();
    }
  }

  /** Writes the plain encoding of dictionary entry {@code id} to {@code out}. */
  protected abstract void writeEntry(int id, ByteSink out);

  /** Adds the current page's min and max to {@code statistics}; called when it has a value. */
  protected abstract void pageMinMax(Statistics<?> statistics);

  /** Forgets the current page's min and max. */
  protected abstract void resetPageMinMax();

  /** Forgets the dictionary's entries (a new chunk starts). */
  protected abstract void resetDictionary();

  /** Bytes held for the current row group: finished pages, the open page, the dictionary. */
  final long bufferedBytes() {
    return pagesBytes + plain.size() + 4L * idCount + rows + dictionary.size();
  }

  /**
   * Re-encodes the open page's ids as plain values and sends the rest of the chunk plain. If the
   * dictionary was never used by a finished page, it is dropped, as parquet-java does.
   */
  private void fallBackToPlain(boolean dropDictionary) {
    for (int i = 0; i < idCount; i++) {
      writeEntry(ids[i], plain);
    }
    idCount = 0;
    dictionaryMode = false;
    if (dropDictionary) {
      dictionary.reset();
      dictionarySize = 0;
      resetDictionary();
    }
  }

  private void endPage() {
    if (rows == 0) {
      return;
    }
    if (dictionaryMode && !dictionaryPagesWritten) {
      long encoded = ((long) idCount * bitWidth() + 7) / 8;
      if (encoded + dictionary.size() >= pagePlainBytes) {
        fallBackToPlain(true);
      }
    }
    page.reset();
    if (optional) {
      BytesInput levels = rle(levelEncoder, defined, rows);
      page.writeInt((int) levels.size());
      writeTo(levels, page);
    }
    Encoding encoding;
    if (dictionaryMode) {
      int width = bitWidth();
      page.write(width);
      writeTo(rle(idEncoder(width), ids, idCount), page);
      encoding = Encoding.PLAIN_DICTIONARY;
      dictionaryPagesWritten = true;
    } else {
      page.write(plain.array(), 0, plain.size());
      encoding = Encoding.PLAIN;
    }
    Statistics<?> statistics = Statistics.createStats(type());
    if (rows > nulls) {
      pageMinMax(statistics);
    }
    statistics.incrementNumNulls(nulls);
    PageStore.Page compressed = store.compress(page.array(), page.size());
    pages.add(new EncodedPage(compressed, page.size(), rows, statistics, encoding));
    pagesBytes += compressed.length();
    valueCount += rows;
    rows = 0;
    nulls = 0;
    idCount = 0;
    pagePlainBytes = 0;
    plain.reset();
    pageNumber++;
    resetPageMinMax();
  }

  private int bitWidth() {
    return BytesUtils.getWidthFromMaxInt(Math.max(0, dictionarySize - 1));
  }

  /** Writes this row group's chunk of the column, then starts the next chunk empty. */
  final void writeChunk(ParquetFileWriter file) throws IOException {
    endPage();
    file.startColumn(descriptor, valueCount, CompressionCodecName.SNAPPY);
    if (dictionaryPagesWritten) {
      file.writeDictionaryPage(
          new DictionaryPage(
              store.compress(dictionary.array(), dictionary.size()).bytes(),
              dictionary.size(),
              dictionarySize,
              Encoding.PLAIN_DICTIONARY));
    }
    Encoding definitionLevels = optional ? Encoding.RLE : Encoding.BIT_PACKED;
    for (EncodedPage p : pages) {
      file.writeDataPage(
          p.rows(),
          p.uncompressedSize(),
          p.compressed().bytes(),
          p.statistics(),
          p.rows(),
          Encoding.BIT_PACKED,
          definitionLevels,
          p.encoding());
    }
    file.endColumn();
    pages.clear();
    pagesBytes = 0;
    valueCount = 0;
    dictionary.reset();
    dictionarySize = 0;
    resetDictionary();
    dictionaryMode = true;
    dictionaryPagesWritten = false;
  }

  /** The encoder of dictionary ids of this bit width. */
  private RunLengthBitPackingHybridEncoder idEncoder(int width) {
    if (idEncoder == null || idEncoderWidth != width) {
      idEncoder = encoder(width);
      idEncoderWidth = width;
    }
    return idEncoder;
  }

  /** The first {@code count} values, RLE / bit-packed; valid until the encoder's next use. */
  private BytesInput rle(RunLengthBitPackingHybridEncoder encoder, int[] values, int count) {
    encoder.reset();
    try {
      for (int i = 0; i < count; i++) {
        encoder.writeInt(values[i]);
      }
      return encoder.toBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a page of " + name(), e);
    }
  }

  private static RunLengthBitPackingHybridEncoder encoder(int width) {
    return new RunLengthBitPackingHybridEncoder(
        width, 16 * 1024, 1024 * 1024, HeapByteBufferAllocator.getInstance());
  }

  private static void writeTo(BytesInput bytes, ByteSink out) {
    try {
      bytes.writeAllTo(out);
    } catch (IOException e) {
      throw new AssertionError("a ByteSink does not throw", e);
    }
  }
}
