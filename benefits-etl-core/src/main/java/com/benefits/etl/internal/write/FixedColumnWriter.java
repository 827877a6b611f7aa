package com.benefits.etl.internal.write;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * An INT32, INT64 or DOUBLE column. Every value is held as 64 bits (an int widened, a double's raw
 * bits), which lets one open-addressing table serve as the dictionary of all three types.
 */
final class FixedColumnWriter extends ColumnChunkWriter {
  private final Kind kind;

  /** Dictionary: value bits to id + 1 (0 marks an empty slot), linear probing. */
  private long[] slotKeys = new long[1024];

  private int[] slotIds = new int[1024];
  private long[] entries = new long[256];
  private boolean hasMinMax;
  private long min;
  private long max;

  /** The physical type, and how its values are written, compared and put into statistics. */
  enum Kind {
    INT32(4) {
      @Override
      boolean less(long a, long b) {
        return (int) a < (int) b;
      }

      @Override
      void update(Statistics<?> statistics, long bits) {
        statistics.updateStats((int) bits);
      }
    },
    INT64(8) {
      @Override
      boolean less(long a, long b) {
        return a < b;
      }

      @Override
      void update(Statistics<?> statistics, long bits) {
        statistics.updateStats(bits);
      }
    },
    DOUBLE(8) {
      @Override
      boolean less(long a, long b) {
        return Double.longBitsToDouble(a) < Double.longBitsToDouble(b);
      }

      @Override
      void update(Statistics<?> statistics, long bits) {
        statistics.updateStats(Double.longBitsToDouble(bits));
      }
    };

    final int width;

    Kind(int width) {
      this.width = width;
    }

    abstract boolean less(long a, long b);

    abstract void update(Statistics<?> statistics, long bits);

    void write(ByteSink out, long bits) {
      if (width == 4) {
        out.writeInt((int) bits);
      } else {
        out.writeLong(bits);
      }
    }
  }

  FixedColumnWriter(
      ColumnDescriptor descriptor, Kind kind, ParquetWriterOptions options, PageStore store) {
    super(descriptor, options, store);
    this.kind = kind;
  }

  @Override
  void addInt(int value) {
    checkKind(Kind.INT32);
    add(value);
  }

  @Override
  void addLong(long value) {
    checkKind(Kind.INT64);
    add(value);
  }

  @Override
  void addDouble(double value) {
    checkKind(Kind.DOUBLE);
    add(Double.doubleToRawLongBits(value));
  }

  private void checkKind(Kind expected) {
    if (kind != expected) {
      throw new IllegalArgumentException("column " + name() + " is " + kind + ", not " + expected);
    }
  }

  private void add(long bits) {
    observe(bits);
    if (dictionaryMode()) {
      int id = idOf(bits);
      if (id >= 0 || (id = newEntry(bits)) >= 0) {
        addId(id, kind.width);
        return;
      }
    }
    kind.write(plain, bits);
    addPlain();
  }

  private void observe(long bits) {
    if (!hasMinMax) {
      hasMinMax = true;
      min = bits;
      max = bits;
    } else if (kind.less(bits, min)) {
      min = bits;
    } else if (kind.less(max, bits)) {
      max = bits;
    }
  }

  private int slot(long bits) {
    long h = bits * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (slotKeys.length - 1);
  }

  /** The value's dictionary id, or -1. */
  private int idOf(long bits) {
    for (int s = slot(bits); ; s = (s + 1) & (slotKeys.length - 1)) {
      int id = slotIds[s];
      if (id == 0) {
        return -1;
      }
      if (slotKeys[s] == bits) {
        return id - 1;
      }
    }
  }

  /** Adds a dictionary entry and returns its id, or -1 when the column fell back to plain. */
  private int newEntry(long bits) {
    if (!dictionaryAccepts(kind.width)) {
      return -1;
    }
    kind.write(dictionary, bits);
    int id = newDictionaryId();
    if (id == entries.length) {
      entries = Arrays.copyOf(entries, 2 * id);
    }
    entries[id] = bits;
    insert(bits, id);
    if (2 * dictionarySize() > slotKeys.length) {
      rehash(2 * slotKeys.length);
    }
    return id;
  }

  private void insert(long bits, int id) {
    int s = slot(bits);
    while (slotIds[s] != 0) {
      s = (s + 1) & (slotKeys.length - 1);
    }
    slotKeys[s] = bits;
    slotIds[s] = id + 1;
  }

  private void rehash(int capacity) {
    slotKeys = new long[capacity];
    slotIds = new int[capacity];
    for (int id = 0; id < dictionarySize(); id++) {
      insert(entries[id], id);
    }
  }

  @Override
  protected void writeEntry(int id, ByteSink out) {
    kind.write(out, entries[id]);
  }

  @Override
  protected void pageMinMax(Statistics<?> statistics) {
    kind.update(statistics, min);
    kind.update(statistics, max);
  }

  @Override
  protected void resetPageMinMax() {
    hasMinMax = false;
  }

  @Override
  protected void resetDictionary() {
    if (slotKeys.length > 1024) {
      slotKeys = new long[1024];
      slotIds = new int[1024];
    } else {
      Arrays.fill(slotIds, 0);
    }
  }
}
