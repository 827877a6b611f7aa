package com.benefits.etl.internal.read;

import com.benefits.etl.internal.rules.Utf8;
import java.util.Arrays;

/**
 * The raw text of a batch of records, kept as the reader found it (UTF-8 bytes copied from its
 * buffer, or the text it made) so that the records can be decided after the reader has moved on; a
 * record's {@code raw_record} string is made only when it is rejected, exactly as {@link
 * EventReader#rawRecord()} would have made it then. Reused batch after batch; not thread-safe.
 */
public final class RawRecords {
  private byte[] bytes = new byte[1 << 14];
  private int used;
  private int[] offsets;
  private int[] lengths;
  private long[] totals;
  private int[] caps;

  /** Whether the reader had checked the record's bytes are UTF-8 (a JSON array's input is). */
  private boolean[] checkedUtf8;

  private String[] texts;
  private int size;

  /** Room for {@code capacity} records before the arrays grow. */
  public RawRecords(int capacity) {
    offsets = new int[capacity];
    lengths = new int[capacity];
    totals = new long[capacity];
    caps = new int[capacity];
    checkedUtf8 = new boolean[capacity];
    texts = new String[capacity];
  }

  /** How many records the batch holds. */
  public int size() {
    return size;
  }

  /** Empties the batch. */
  public void clear() {
    Arrays.fill(texts, 0, size, null);
    size = 0;
    used = 0;
  }

  /**
   * The raw text of record {@code i} of the batch, as {@link RawText#of} gives it for the record's
   * bytes, or the text it was added as.
   */
  public String text(int i) {
    String t = texts[i];
    return t != null ? t : RawText.of(bytes, offsets[i], lengths[i], totals[i], caps[i]);
  }

  /**
   * The raw text of record {@code i} as a copy of its UTF-8 bytes, when the batch holds it as
   * bytes, whole (not cut to the cap) and well-formed (checked by the reader, or else here: an
   * NDJSON line may not be, and is then a malformed record whose text shows U+FFFD for each bad
   * sequence): the same text as {@link #text}, without making a string. Else null.
   */
  public byte[] utf8(int i) {
    int from = offsets[i];
    int to = from + lengths[i];
    if (texts[i] != null
        || !RawText.isWhole(lengths[i], totals[i], caps[i])
        || !(checkedUtf8[i] || Utf8.isWellFormed(bytes, from, to))) {
      return null;
    }
    return Arrays.copyOfRange(bytes, from, to);
  }

  /** Adds a record whose raw text is already made. */
  void add(String text) {
    int i = slot();
    texts[i] = text;
  }

  /**
   * Adds the record whose raw text {@link RawText#of} would make from these arguments. Only the
   * bytes that call reads are copied: all of them, or the first {@code cap + 1} of a longer record
   * (where it looks for a character boundary to cut at). {@code checkedUtf8} says the reader has
   * already checked the bytes are well-formed UTF-8.
   */
  void add(byte[] source, int offset, int length, long total, int cap, boolean checkedUtf8) {
    int kept = (int) Math.min(length, cap + 1L);
    if (used + kept > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) Math.max(used + (long) kept, 2L * bytes.length));
    }
    System.arraycopy(source, offset, bytes, used, kept);
    int i = slot();
    offsets[i] = used;
    lengths[i] = kept;
    totals[i] = total;
    caps[i] = cap;
    this.checkedUtf8[i] = checkedUtf8;
    used += kept;
  }

  private int slot() {
    if (size == offsets.length) {
      int n = 2 * size + 1;
      offsets = Arrays.copyOf(offsets, n);
      lengths = Arrays.copyOf(lengths, n);
      totals = Arrays.copyOf(totals, n);
      caps = Arrays.copyOf(caps, n);
      texts = Arrays.copyOf(texts, n);
      checkedUtf8 = Arrays.copyOf(checkedUtf8, n);
    }
    return size++;
  }
}
