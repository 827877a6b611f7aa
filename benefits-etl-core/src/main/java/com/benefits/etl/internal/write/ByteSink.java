package com.benefits.etl.internal.write;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array written little-endian, as Parquet's plain encoding lays values out. Reused
 * page after page; internal to the writers. Never throws an {@link java.io.IOException}.
 */
final class ByteSink extends OutputStream {
  private byte[] bytes;
  private int size;

  ByteSink(int initialCapacity) {
    this.bytes = new byte[initialCapacity];
  }

  int size() {
    return size;
  }

  /** The backing array; valid up to {@link #size()} until the next write. */
  byte[] array() {
    return bytes;
  }

  void reset() {
    size = 0;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void writeInt(int v) {
    ensure(4);
    bytes[size] = (byte) v;
    bytes[size + 1] = (byte) (v >>> 8);
    bytes[size + 2] = (byte) (v >>> 16);
    bytes[size + 3] = (byte) (v >>> 24);
    size += 4;
  }

  void writeLong(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size + i] = (byte) (v >>> (8 * i));
    }
    size += 8;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  /** Parquet's plain BYTE_ARRAY: a 4-byte length, then the bytes. */
  void writeLengthPrefixed(byte[] b) {
    writeLengthPrefixed(b, 0, b.length);
  }

  void writeLengthPrefixed(byte[] b, int off, int len) {
    writeInt(len);
    write(b, off, len);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      long wanted = Math.max((long) size + more, 2L * bytes.length);
      if (wanted > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a Parquet page buffer cannot grow past 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
  }
}
