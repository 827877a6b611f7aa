package com.benefits.etl.internal.transform;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An append-only log of {@code [record index: 8 bytes][key length: varint][key bytes]} entries in a
 * file, written through an in-memory tail buffer. Offsets are positions in the logical log, every
 * entry padded to a multiple of {@link #ALIGNMENT} bytes so an offset fits in fewer bits; an entry
 * whose offset is still in the tail is read from memory, older ones with a positional read. An
 * entry never straddles the file and the tail. Not thread-safe.
 */
final class KeyLog implements Closeable {
  /** Every entry starts at a multiple of this. */
  static final int ALIGNMENT = 8;

  private static final int WRITE_CHUNK = 1 << 16;

  private final FileChannel channel;
  private final byte[] tail;
  private int tailLength;
  private long fileEnd;
  private ByteBuffer readBuffer = ByteBuffer.allocate(256);

  KeyLog(Path path, int tailBytes) throws IOException {
    channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    tail = new byte[Math.max(ALIGNMENT, tailBytes & -ALIGNMENT)];
  }

  /** The offset the next entry will get. */
  long end() {
    return fileEnd + tailLength;
  }

  /** Bytes in the file (entries before this offset are read from disk). */
  long fileEnd() {
    return fileEnd;
  }

  /** Appends an entry and returns its offset. */
  long append(long index, byte[] key, int length) throws IOException {
    long padded = (8L + varintSize(length) + length + ALIGNMENT - 1) & -ALIGNMENT;
    if (padded > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("key too long for the log: " + length + " bytes");
    }
    int size = (int) padded;
    if (size > tail.length - tailLength) {
      flush();
    }
    long offset = end();
    if (size > tail.length) {
      ByteBuffer entry = ByteBuffer.allocate(size);
      entry.putLong(index);
      putVarint(entry, length);
      entry.put(key, 0, length).clear(); // the whole padded entry
      writeFully(entry);
      return offset;
    }
    ByteBuffer.wrap(tail, tailLength, 8).putLong(index);
    int p = tailLength + 8;
    for (int v = length; ; v >>>= 7) {
      if ((v & ~0x7F) == 0) {
        tail[p++] = (byte) v;
        break;
      }
      tail[p++] = (byte) ((v & 0x7F) | 0x80);
    }
    System.arraycopy(key, 0, tail, p, length);
    Arrays.fill(tail, p + length, tailLength + size, (byte) 0);
    tailLength += size;
    return offset;
  }

  /**
   * The record index of the entry at {@code offset} if its key equals {@code key[0, length)}, else
   * -1.
   */
  long indexIfEqual(long offset, byte[] key, int length) throws IOException {
    int expected = 8 + varintSize(length) + length;
    byte[] src;
    int at;
    int available;
    if (offset >= fileEnd) {
      src = tail;
      at = (int) (offset - fileEnd);
      available = tailLength - at;
    } else {
      if (readBuffer.capacity() < expected) {
        readBuffer = ByteBuffer.allocate(Math.max(expected, 2 * readBuffer.capacity()));
      }
      ByteBuffer b = readBuffer.clear().limit((int) Math.min(expected, fileEnd - offset));
      while (b.hasRemaining()) {
        if (channel.read(b, offset + b.position()) < 0) {
          break;
        }
      }
      src = b.array();
      at = 0;
      available = b.position();
    }
    if (available < expected) {
      return -1; // the logged entry is shorter, so its key is too
    }
    int p = at + 8;
    int logged = 0;
    for (int shift = 0; ; shift += 7) {
      byte v = src[p++];
      logged |= (v & 0x7F) << shift;
      if (v >= 0) {
        break;
      }
    }
    if (logged != length || !Arrays.equals(src, p, p + length, key, 0, length)) {
      return -1;
    }
    return ByteBuffer.wrap(src, at, 8).getLong();
  }

  /** Writes the tail buffer to the file and empties it. */
  void flush() throws IOException {
    for (int p = 0; p < tailLength; p += WRITE_CHUNK) {
      writeFully(ByteBuffer.wrap(tail, p, Math.min(WRITE_CHUNK, tailLength - p)));
    }
    tailLength = 0;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      fileEnd += channel.write(b, fileEnd);
    }
  }

  private static void putVarint(ByteBuffer b, int v) {
    while ((v & ~0x7F) != 0) {
      b.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    b.put((byte) v);
  }

  static int varintSize(int v) {
    int n = 1;
    while ((v & ~0x7F) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }
}
