package com.benefits.etl.internal.write;

import io.airlift.compress.snappy.SnappyCompressor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;

/**
 * Holds the compressed pages of a table's open row group until it is written, in blocks of up to
 * {@link #BLOCK_BYTES} that the next row group reuses; Snappy writes into them directly. A page
 * used to take a new array of its largest compressed size and a copy of the result, held until the
 * row group was written: on 10M events (900 MB of pages) some 1.3 GB of allocation, in arrays that
 * lived just long enough to be copied by the young collections and promoted. Not thread-safe: one
 * per table writer.
 */
final class PageStore {
  /** The size of a full block; a first block is smaller, so that a small table takes little. */
  static final int BLOCK_BYTES = 4 << 20;

  private static final int FIRST_BLOCK_BYTES = 64 << 10;

  /** A compressed page: {@code length} bytes at {@code offset} in {@code block}. */
  record Page(byte[] block, int offset, int length) {
    BytesInput bytes() {
      return BytesInput.from(block, offset, length);
    }
  }

  /**
   * Pure-Java Snappy (aircompressor, as Trino uses): no native library to unpack into {@code
   * java.io.tmpdir}, so a noexec, full or read-only temporary directory cannot stop a run. One
   * serves all of a table's columns: its hash table is cleared at every call.
   */
  private final SnappyCompressor snappy = new SnappyCompressor();

  private final List<byte[]> inUse = new ArrayList<>();
  private final ArrayDeque<byte[]> free = new ArrayDeque<>();
  private byte[] current;
  private int used;
  private byte[] scratch = new byte[0];
  private int nextNewBlock = FIRST_BLOCK_BYTES;

  /**
   * Compresses the first {@code length} bytes of {@code in} into the store: straight into the
   * current block while it has room for the largest result Snappy could give; past that, into a
   * scratch array first, so that a block is only left for a page that really does not fit it.
   */
  Page compress(byte[] in, int length) {
    int room = snappy.maxCompressedLength(length);
    if (current != null && current.length - used >= room) {
      return stored(snappy.compress(in, 0, length, current, used, current.length - used));
    }
    byte[] out = room <= scratch.length ? scratch : new byte[room];
    int n = snappy.compress(in, 0, length, out, 0, room);
    if (current == null || current.length - used < n) {
      current = block(n);
      inUse.add(current);
      used = 0;
    }
    System.arraycopy(out, 0, current, used, n);
    if (out != scratch && room <= BLOCK_BYTES) {
      scratch = out; // kept for the next page, unless it was for one of a rare size
    }
    return stored(n);
  }

  private Page stored(int n) {
    Page page = new Page(current, used, n);
    used += n;
    return page;
  }

  /** Forgets every page (the row group was written); their blocks are kept for the next. */
  void clear() {
    for (byte[] block : inUse) {
      if (block.length <= BLOCK_BYTES) {
        free.push(block);
      }
    }
    inUse.clear();
    current = null;
    used = 0;
  }

  /**
   * A block with room for {@code room} bytes: a free one, or a new one, each new one twice the size
   * of the one before (up to {@link #BLOCK_BYTES}), or {@code room} if larger.
   */
  private byte[] block(int room) {
    byte[] reused = free.peek();
    if (reused != null && reused.length >= room) {
      return free.pop();
    }
    byte[] block = new byte[Math.max(room, nextNewBlock)];
    nextNewBlock = Math.min(BLOCK_BYTES, 2 * nextNewBlock);
    return block;
  }
}
