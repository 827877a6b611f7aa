package com.benefits.etl.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Passes bytes through to a parser while keeping those from a marked offset on, so that the exact
 * text of the record being parsed can be recovered by its byte offsets. Bytes before the mark are
 * dropped lazily, when the window needs room, so the cost per record is constant. Reading more than
 * the record size limit (plus one read-ahead buffer) past {@link #limitFrom} fails with a {@link
 * RecordTooLargeException}, so what is retained stays bounded.
 */
final class RetainingInputStream extends BlockInputStream {
  /** Room for the parser's read-ahead beyond the current record. */
  private static final int SLACK = 1 << 16;

  private final int maxRecordBytes;
  private byte[] window = new byte[1 << 16];

  /** Absolute offset of {@code window[0]}. */
  private long windowStart;

  private int windowLength;

  /** Absolute offset before which bytes may be dropped. */
  private long keepFrom;

  /** Absolute offset from which the record size limit counts. */
  private long limitFrom;

  RetainingInputStream(InputStream in, int maxRecordBytes) {
    super(in);
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      append(b, off, n);
      if (windowStart + windowLength - limitFrom > (long) maxRecordBytes + SLACK) {
        throw new RecordTooLargeException(maxRecordBytes);
      }
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

  /** The record size limit counts from {@code offset} on. */
  void limitFrom(long offset) {
    limitFrom = offset;
  }

  /**
   * The UTF-8 text of the bytes in [{@code from}, {@code to}), which must still be retained, cut to
   * {@code cap} bytes with a marker (see {@link RawText}).
   */
  String text(long from, long to, int cap) {
    if (from < windowStart || to > windowStart + windowLength || from > to) {
      throw new IllegalStateException(
          "bytes "
              + from
              + ".."
              + to
              + " are not retained (window "
              + windowStart
              + ".."
              + (windowStart + windowLength)
              + ")");
    }
    return RawText.of(window, (int) (from - windowStart), (int) (to - from), to - from, cap);
  }
}
