package com.benefits.etl.internal.write;

import com.benefits.etl.internal.model.AsciiText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * A BYTE_ARRAY STRING column. Values are compared for statistics as Parquet readers compare
 * strings: their UTF-8 bytes, unsigned. Values come as strings or as UTF-8 bytes ({@link #addUtf8}:
 * a clean event's fields in the byte form, a rejected record's raw text). The dictionary is keyed
 * by the values' UTF-8, as parquet-java keys it, in a table of its own with no object per entry;
 * strings also find their entry in a map by string, so that a string is encoded to UTF-8 once per
 * chunk, and compared once per page.
 */
final class StringColumnWriter extends ColumnChunkWriter {
  /**
   * Longest page minimum or maximum kept whole until the row group is written. A page's statistics
   * wait with its bytes for the end of the row group, so a page of one 12 MB value would otherwise
   * hold 12 MB of heap that its compressed bytes do not show (80 such records took 960 MB).
   */
  static final int STATISTICS_KEPT_BYTES = 8192;

  private static final int FIRST_SLOTS = 1024;

  /** The entries' UTF-8, by id. */
  private byte[][] entries = new byte[256][];

  private int[] entrySeenInPage = new int[256];

  /** The dictionary by UTF-8: open addressing, linear probing, each slot an entry's id + 1. */
  private int[] slots = new int[FIRST_SLOTS];

  /** The entries' hashes, by id. */
  private int[] entryHashes = new int[256];

  /** The dictionary by string, for the values that come as strings. */
  private final Map<String, Integer> ids = new HashMap<>();

  /** The page's minimum and maximum: {@code minLength} bytes at {@code minFrom} in {@code min}. */
  private byte[] min;

  private int minFrom;
  private int minLength;
  private byte[] max;
  private int maxFrom;
  private int maxLength;

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
      Integer known = ids.get(value);
      int id;
      if (known != null) {
        id = known;
      } else {
        utf8 = value.getBytes(StandardCharsets.UTF_8);
        id = entryOf(utf8, 0, utf8.length);
        if (id >= 0) {
          ids.put(value, id);
        }
      }
      if (id >= 0) {
        lastValue = value;
        lastId = id;
        addEntry(id);
        return;
      }
    }
    if (utf8 == null) {
      utf8 = value.getBytes(StandardCharsets.UTF_8);
    }
    addPlainValue(utf8, 0, utf8.length);
  }

  @Override
  void addUtf8(byte[] b, int from, int length) {
    if (dictionaryMode()) {
      int id = entryOf(b, from, length);
      if (id >= 0) {
        addEntry(id);
        return;
      }
    }
    addPlainValue(b, from, length);
  }

  /** Adds the value whose UTF-8 is {@code length} bytes at {@code from} in {@code b} as plain. */
  private void addPlainValue(byte[] b, int from, int length) {
    plain.writeLengthPrefixed(b, from, length);
    observe(b, from, length);
    addPlain();
  }

  /**
   * The id of the dictionary entry whose UTF-8 these bytes are, made if there is none yet; -1 when
   * the dictionary is full and the column fell back to plain. A new entry keeps the bytes: the
   * array itself when they are all of it, else a copy.
   */
  private int entryOf(byte[] b, int from, int length) {
    int id = idOf(b, from, length);
    if (id >= 0) {
      return id;
    }
    return newEntry(
        from == 0 && length == b.length ? b : Arrays.copyOfRange(b, from, from + length));
  }

  private static int hash(byte[] b, int from, int length) {
    int h = AsciiText.stringHash(b, from, length);
    return h ^ (h >>> 16);
  }

  /** The id of the entry whose UTF-8 these bytes are, or -1. */
  private int idOf(byte[] b, int from, int length) {
    int mask = slots.length - 1;
    for (int s = hash(b, from, length) & mask; ; s = (s + 1) & mask) {
      int id = slots[s] - 1;
      if (id < 0) {
        return -1;
      }
      byte[] e = entries[id];
      if (e.length == length && Arrays.equals(e, 0, length, b, from, from + length)) {
        return id;
      }
    }
  }

  /** Adds a dictionary entry and returns its id, or -1 when the column fell back to plain. */
  private int newEntry(byte[] utf8) {
    if (!dictionaryAccepts(4 + utf8.length)) {
      return -1;
    }
    dictionary.writeLengthPrefixed(utf8);
    int id = newDictionaryId();
    if (id == entries.length) {
      entries = Arrays.copyOf(entries, 2 * id);
      entrySeenInPage = Arrays.copyOf(entrySeenInPage, 2 * id);
      entryHashes = Arrays.copyOf(entryHashes, 2 * id);
    }
    entries[id] = utf8;
    entryHashes[id] = hash(utf8, 0, utf8.length);
    if (2 * dictionarySize() > slots.length) {
      slots = new int[2 * slots.length];
      for (int i = 0; i < id; i++) {
        insert(i);
      }
    }
    insert(id);
    return id;
  }

  private void insert(int id) {
    int mask = slots.length - 1;
    int s = entryHashes[id] & mask;
    while (slots[s] != 0) {
      s = (s + 1) & mask;
    }
    slots[s] = id + 1;
  }

  private void addEntry(int id) {
    byte[] utf8 = entries[id];
    if (entrySeenInPage[id] != pageNumber()) {
      entrySeenInPage[id] = pageNumber();
      observe(utf8, 0, utf8.length);
    }
    addId(id, 4 + utf8.length);
  }

  /**
   * Takes the value of {@code length} bytes at {@code from} into the page's minimum and maximum,
   * which keep a reference to the array: an entry, a string's UTF-8 or an event's bytes, none of
   * which changes.
   */
  private void observe(byte[] b, int from, int length) {
    if (min == null) {
      min = max = b;
      minFrom = maxFrom = from;
      minLength = maxLength = length;
    } else if (Arrays.compareUnsigned(b, from, from + length, min, minFrom, minFrom + minLength)
        < 0) {
      min = b;
      minFrom = from;
      minLength = length;
    } else if (Arrays.compareUnsigned(b, from, from + length, max, maxFrom, maxFrom + maxLength)
        > 0) {
      max = b;
      maxFrom = from;
      maxLength = length;
    }
  }

  @Override
  protected void writeEntry(int id, ByteSink out) {
    out.writeLengthPrefixed(entries[id]);
  }

  @Override
  protected void pageMinMax(Statistics<?> statistics) {
    statistics.updateStats(Binary.fromConstantByteArray(kept(min, minFrom, minLength)));
    statistics.updateStats(Binary.fromConstantByteArray(kept(max, maxFrom, maxLength)));
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
  private static byte[] kept(byte[] b, int from, int length) {
    return kept(from == 0 && length == b.length ? b : Arrays.copyOfRange(b, from, from + length));
  }

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
    if (slots.length > FIRST_SLOTS) {
      slots = new int[FIRST_SLOTS];
    } else {
      Arrays.fill(slots, 0);
    }
  }
}
