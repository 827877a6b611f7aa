package com.benefits.etl.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Passes bytes through to a parser while keeping those from a marked offset on, so that the exact
 * text of the record being parsed can be recovered by its byte offsets. Bytes before the mark are
 * dropped lazily, when the window needs room, so the cost per record is constant.
 */
final class RetainingInputStream extends InputStream {
  private final InputStream in;
  private byte[] window = new byte[1 << 16];
  /** Absolute offset of {@code window[0]}. */
  private long windowStart;
  private int windowLength;
  /** Absolute offset before which bytes may be dropped. */
  private long keepFrom;

  RetainingInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      append(b, off, n);
    }
    return n;
  }

  private void append(byte[] b, int off, int n) {
    if (windowLength + n > window.length) {
      int drop = (int) Math.min(windowLength, keepFrom - windowStart);
      if (drop > 0) {
        System.arraycopy(window, drop, window, 0, windowLength - drop);
        windowLength -= drop;
        windowStart += drop;
      }
      if (windowLength + n > window.length) {
        window = Arrays.copyOf(window, Math.max(window.length * 2, windowLength + n));
      }
    }
    System.arraycopy(b, off, window, windowLength, n);
    windowLength += n;
  }

  /** Bytes before {@code offset} will not be asked for again. */
  void keepFrom(long offset) {
    keepFrom = offset;
  }

  /** The UTF-8 text of the bytes in [{@code from}, {@code to}), which must still be retained. */
  String text(long from, long to) {
    if (from < windowStart || to > windowStart + windowLength || from > to) {
      throw new IllegalStateException(
          "bytes " + from + ".." + to + " are not retained (window " + windowStart + ".."
              + (windowStart + windowLength) + ")");
    }
    return new String(window, (int) (from - windowStart), (int) (to - from), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
