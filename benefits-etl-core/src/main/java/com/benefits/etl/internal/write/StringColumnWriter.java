package com.benefits.etl.internal.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * A BYTE_ARRAY STRING column. Values are compared for statistics as Parquet readers compare
 * strings: their UTF-8 bytes, unsigned. In dictionary mode a value is encoded to UTF-8 once per
 * chunk, and compared once per page.
 */
final class StringColumnWriter extends ColumnChunkWriter {
  /**
   * Longest page minimum or maximum kept whole until the row group is written. A page's statistics
   * wait with its bytes for the end of the row group, so a page of one 12 MB value would otherwise
   * hold 12 MB of heap that its compressed bytes do not show (80 such records took 960 MB).
   */
  static final int STATISTICS_KEPT_BYTES = 8192;

  private final Map<String, Integer> ids = new HashMap<>();
  private byte[][] entries = new byte[256][];
  private int[] entrySeenInPage = new int[256];
  private byte[] min;
  private byte[] max;

  /**
   * The last value added in dictionary mode and its id: a column whose rows repeat one instance
   * (the country; a user id over a user's days) skips the map for them.
   */
  private String lastValue;

  private int lastId;

  StringColumnWriter(ColumnDescriptor descriptor, ParquetWriterOptions options, PageStore store) {
    super(descriptor, options, store);
  }

  @Override
  void addString(String value) {
    if (value == null) {
      addNull();
      return;
    }
    byte[] utf8 = null;
    if (dictionaryMode()) {
      if (value == lastValue) {
        addEntry(lastId);
        return;
      }
      Integer id = ids.get(value);
      if (id != null) {
        lastValue = value;
        lastId = id;
        addEntry(id);
        return;
      }
      utf8 = value.getBytes(StandardCharsets.UTF_8);
      if (dictionaryAccepts(4 + utf8.length)) {
        dictionary.writeLengthPrefixed(utf8);
        int newId = newDictionaryId();
        if (newId == entries.length) {
          entries = Arrays.copyOf(entries, 2 * newId);
          entrySeenInPage = Arrays.copyOf(entrySeenInPage, 2 * newId);
        }
        entries[newId] = utf8;
        ids.put(value, newId);
        lastValue = value;
        lastId = newId;
        addEntry(newId);
        return;
      }
    }
    if (utf8 == null) {
      utf8 = value.getBytes(StandardCharsets.UTF_8);
    }
    plain.writeLengthPrefixed(utf8);
    observe(utf8);
    addPlain();
  }

  private void addEntry(int id) {
    byte[] utf8 = entries[id];
    if (entrySeenInPage[id] != pageNumber()) {
      entrySeenInPage[id] = pageNumber();
      observe(utf8);
    }
    addId(id, 4 + utf8.length);
  }

  private void observe(byte[] utf8) {
    if (min == null) {
      min = utf8;
      max = utf8;
    } else if (Arrays.compareUnsigned(utf8, min) < 0) {
      min = utf8;
    } else if (Arrays.compareUnsigned(utf8, max) > 0) {
      max = utf8;
    }
  }

  @Override
  protected void writeEntry(int id, ByteSink out) {
    out.writeLengthPrefixed(entries[id]);
  }

  @Override
  protected void pageMinMax(Statistics<?> statistics) {
    statistics.updateStats(Binary.fromConstantByteArray(kept(min)));
    statistics.updateStats(Binary.fromConstantByteArray(kept(max)));
  }

  /**
   * {@code utf8}, or when longer than {@link #STATISTICS_KEPT_BYTES} a copy of its first bytes up
   * to a character boundary (at least {@code STATISTICS_KEPT_BYTES - 3} of them). The file is the
   * same either way: parquet-java writes no page or chunk minimum and maximum whose two values take
   * 4,096 bytes or more, and a value cut to over 4,096 bytes still does; the column index keeps the
   * first 64 bytes, cut at a character boundary, which a cut at a character boundary leaves alone;
   * and where a cut changes how two values compare, both are over 4,096 bytes, so the minimum and
   * maximum are not written whichever one wins.
   */
  static byte[] kept(byte[] utf8) {
    if (utf8.length <= STATISTICS_KEPT_BYTES) {
      return utf8;
    }
    int end = STATISTICS_KEPT_BYTES;
    while ((utf8[end] & 0xC0) == 0x80) {
      end--; // utf8[end] continues a character: cut before the character's first byte
    }
    return Arrays.copyOf(utf8, end);
  }

  @Override
  protected void resetPageMinMax() {
    min = null;
    max = null;
  }

  @Override
  protected void resetDictionary() {
    lastValue = null;
    ids.clear();
    Arrays.fill(entries, null);
  }
}
