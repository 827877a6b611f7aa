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
  private final Map<String, Integer> ids = new HashMap<>();
  private byte[][] entries = new byte[256][];
  private int[] entrySeenInPage = new int[256];
  private byte[] min;
  private byte[] max;

  StringColumnWriter(ColumnDescriptor descriptor, ParquetWriterOptions options) {
    super(descriptor, options);
  }

  @Override
  void addString(String value) {
    if (value == null) {
      addNull();
      return;
    }
    byte[] utf8 = null;
    if (dictionaryMode()) {
      Integer id = ids.get(value);
      if (id != null) {
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
    statistics.updateStats(Binary.fromConstantByteArray(min));
    statistics.updateStats(Binary.fromConstantByteArray(max));
  }

  @Override
  protected void resetPageMinMax() {
    min = null;
    max = null;
  }

  @Override
  protected void resetDictionary() {
    ids.clear();
    Arrays.fill(entries, null);
  }
}
