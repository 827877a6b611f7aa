package com.benefits.etl.internal.read;

import com.benefits.etl.BadInputException;
import com.benefits.etl.internal.rules.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Passes an input's bytes through only while they are well-formed UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF). JSON text must be UTF-8, and Jackson's own decoder
 * lets some of those through (a surrogate becomes {@code '?'}, an overlong {@code C0 80} a NUL);
 * the users file must be UTF-8 too, and a lenient decoder would turn bad bytes into U+FFFD.
 *
 * <p>The bytes before a bad sequence are delivered, so an earlier syntax error is still reported
 * first; a read that reaches the bad sequence throws an {@link InputError} holding the run's error:
 * a {@link BadInputException} naming the sequence's line and column (1-based, columns in bytes, as
 * Jackson counts them), found by reading the data again from its start.
 */
final class Utf8CheckedInputStream extends BlockInputStream {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final Path file;
  private final EventReader.Source again;

  /** The error's text, {@code %s} standing for the bad bytes. */
  private final String problem;

  /** The first bytes of a sequence that the last read cut off; delivered with the next. */
  private final byte[] carry = new byte[3];

  private int carried;

  /** Bytes delivered so far: the offset of the next one in the data. */
  private long offset;

  /** Set once a bad sequence is found: its offset and its bytes, reported at the next read. */
  private long badOffset = -1;

  private String badBytes;

  /** For reads of fewer than 4 bytes: a whole read, handed out a little at a time. */
  private final byte[] shortRead = new byte[4];

  private int shortPos;
  private int shortLength;

  /**
   * @param again opens the same data afresh, to find the line and column of a bad sequence
   * @param problem the error's text, {@code %s} standing for the bad bytes
   */
  Utf8CheckedInputStream(InputStream in, Path file, EventReader.Source again, String problem) {
    super(in);
    this.file = file;
    this.again = again;
    this.problem = problem;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (shortPos < shortLength) {
      int n = Math.min(len, shortLength - shortPos);
      System.arraycopy(shortRead, shortPos, b, off, n);
      shortPos += n;
      return n;
    }
    if (badOffset >= 0) {
      throw failure();
    }
    if (len < shortRead.length) { // too short for a whole sequence: read ahead into shortRead
      int n = read(shortRead, 0, shortRead.length);
      if (n < 0) {
        return -1;
      }
      shortPos = 0;
      shortLength = n;
      return read(b, off, len);
    }
    while (true) {
      System.arraycopy(carry, 0, b, off, carried);
      int got = in.read(b, off + carried, len - carried);
      if (got < 0) {
        if (carried == 0) {
          return -1;
        }
        badOffset = offset; // the data ends inside a sequence
        badBytes = hex(b, off, off + carried);
        carried = 0;
        throw failure();
      }
      int end = off + carried + got;
      int valid = validPrefix(b, off, end);
      if (valid < end && badOffset < 0) { // a sequence cut off by the end of this read
        carried = end - valid;
        System.arraycopy(b, valid, carry, 0, carried);
      } else {
        carried = 0;
      }
      int n = valid - off;
      offset += n;
      if (n > 0) {
        return n;
      }
      if (badOffset >= 0) {
        throw failure();
      }
    }
  }

  /**
   * The end of the well-formed sequences from {@code from}; stops before a bad sequence (noting it)
   * or before one that {@code end} cuts off.
   */
  private int validPrefix(byte[] b, int from, int end) {
    int p = from;
    while (p < end) {
      if (p + 8 <= end && ((long) LONG_LE.get(b, p) & HIGH_BITS) == 0) {
        p += 8;
        continue;
      }
      if (b[p] >= 0) { // ASCII
        p++;
        continue;
      }
      int next = Utf8.sequenceEnd(b, p, end);
      if (next == Utf8.CUT) {
        return p; // cut off here; the next read completes it
      }
      if (next < 0) {
        return bad(b, p, ~next + 1, from);
      }
      p = next;
    }
    return p;
  }

  private int bad(byte[] b, int start, int stop, int from) {
    badOffset = offset + (start - from);
    badBytes = hex(b, start, stop);
    return start;
  }

  private static String hex(byte[] b, int from, int to) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < to; i++) {
      s.append(i == from ? "" : " ").append(String.format("0x%02X", b[i] & 0xFF));
    }
    return s.toString();
  }

  /** The read error of bad UTF-8; its {@link InputError#error()} is what the run reports. */
  private InputError failure() {
    return new InputError(locate());
  }

  private BadInputException locate() {
    String problem = String.format(this.problem, badBytes);
    long line = 1;
    long lineStart = 0;
    try (InputStream data = again.open()) {
      byte[] buf = new byte[1 << 16];
      long at = 0;
      while (at < badOffset) {
        int n = data.read(buf, 0, (int) Math.min(buf.length, badOffset - at));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            line++;
            lineStart = at + i + 1;
          }
        }
        at += n;
      }
    } catch (IOException e) {
      return new BadInputException(file, problem + ", at byte " + (badOffset + 1), e);
    }
    return new BadInputException(file, line, badOffset - lineStart + 1, problem, null);
  }
}
