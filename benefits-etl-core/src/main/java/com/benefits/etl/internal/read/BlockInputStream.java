package com.benefits.etl.internal.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream over another whose one real read is {@link #read(byte[], int, int)}: the one-byte read
 * goes through it, so a subclass that checks or keeps bytes sees every one. Closing closes the
 * stream underneath. Not {@link java.io.FilterInputStream}, whose one-byte read, skip and mark go
 * to the stream underneath, past the subclass.
 */
abstract class BlockInputStream extends InputStream {
  protected final InputStream in;

  BlockInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public abstract int read(byte[] b, int off, int len) throws IOException;

  @Override
  public void close() throws IOException {
    in.close();
  }
}
