package com.benefits.etl.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The read-ahead gives what a plain read gives: the same bytes, end and failure, in order. */
class ReadAheadInputStreamTest {

  /** Gives {@code bytes} 1-7 at a time, then fails with {@code failure} (or ends, if null). */
  static final class Source extends InputStream {
    private final byte[] bytes;
    private final Throwable failure;
    private final Random random = new Random(1);
    private int pos;
    final AtomicBoolean closed = new AtomicBoolean();

    Source(byte[] bytes, Throwable failure) {
      this.bytes = bytes;
      this.failure = failure;
    }

    @Override
    public int read() {
      throw new AssertionError("not used");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (pos == bytes.length) {
        if (failure instanceof IOException io) {
          throw io;
        }
        if (failure instanceof RuntimeException runtime) {
          throw runtime;
        }
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(7)), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void deliversEveryByteInOrderWhateverTheChunkAndReadSizes() throws IOException {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] data = new byte[random.nextInt(i % 2 == 0 ? 3_000 : 100_000)];
      random.nextBytes(data);
      int chunkBytes = 1 + random.nextInt(i % 2 == 0 ? 16 : 4096);
      int chunks = 1 + random.nextInt(3);
      Source source = new Source(data, null);
      try (ReadAheadInputStream in = new ReadAheadInputStream(source, chunkBytes, chunks, "t")) {
        assertThat(drain(in, random)).as("case %d", i).isEqualTo(data);
        assertThat(in.read(new byte[4], 0, 4)).isEqualTo(-1);
        assertThat(in.read()).isEqualTo(-1);
      }
      assertThat(source.closed).isTrue();
    }
  }

  /** Reads to the end, mixing one-byte and bulk reads of random sizes. */
  private static byte[] drain(InputStream in, Random random) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[300];
    while (true) {
      if (random.nextInt(5) == 0) {
        int b = in.read();
        if (b < 0) {
          return out.toByteArray();
        }
        out.write(b);
      } else {
        int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length));
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(buffer, 0, n);
      }
    }
  }

  /** Reads until {@code in} throws; returns the bytes read before, checks they are all. */
  private static Throwable failureAfter(InputStream in, byte[] expected) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[100];
    try {
      for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      assertThat(out.toByteArray()).as("the bytes before the failure").isEqualTo(expected);
      return e;
    }
    throw new AssertionError("no failure after " + out.size() + " bytes");
  }

  @Test
  void aFailureComesAfterEveryByteBeforeItAndAgainOnTheNextRead() throws IOException {
    byte[] data = new byte[10_000];
    new Random(3).nextBytes(data);
    // What GZIPInputStream throws for a truncated file: an EOFException, which is not the end.
    EOFException truncated = new EOFException("Unexpected end of ZLIB input stream");
    try (ReadAheadInputStream in =
        new ReadAheadInputStream(new Source(data, truncated), 4096, 2, "t")) {
      assertThat(failureAfter(in, data)).isSameAs(truncated);
      assertThatThrownBy(() -> in.read(new byte[1], 0, 1)).isSameAs(truncated);
    }
    UncheckedIOException unchecked = new UncheckedIOException(new IOException("disk"));
    try (ReadAheadInputStream in =
        new ReadAheadInputStream(new Source(data, unchecked), 1000, 1, "t")) {
      assertThat(failureAfter(in, data)).isSameAs(unchecked);
    }
  }

  @Test
  @Timeout(10)
  void closingStopsTheThreadAndClosesTheStreamUnderneath() throws Exception {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
          }
        };
    Source source = new Source(new byte[0], null);
    ReadAheadInputStream in = new ReadAheadInputStream(endless, 64, 2, "read-ahead-test");
    assertThat(in.read()).isEqualTo('x'); // the thread has filled every chunk and waits
    in.close();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("read-ahead-test"));
    assertThatThrownBy(() -> in.read(new byte[1], 0, 1))
        .isInstanceOf(IOException.class)
        .hasMessage("stream closed");
    in.close(); // twice is nothing

    ReadAheadInputStream unread = new ReadAheadInputStream(source, 64, 2, "t");
    unread.close();
    assertThat(source.closed).isTrue();
  }

  @Test
  @Timeout(10)
  void anInterruptedCloseStillClosesTheStreamAndKeepsTheInterrupt() throws InterruptedException {
    // A read that ignores interrupts, as a blocked file read does, keeps the thread alive until the
    // stream is closed, so the interrupted join is certain to fail.
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    AtomicBoolean closed = new AtomicBoolean();
    InputStream stuck =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("not used");
          }

          @Override
          public int read(byte[] b, int off, int len) {
            reading.countDown();
            while (true) {
              try {
                released.await();
                return -1;
              } catch (InterruptedException ignored) {
                // stays blocked
              }
            }
          }

          @Override
          public void close() {
            closed.set(true);
            released.countDown();
          }
        };
    ReadAheadInputStream in = new ReadAheadInputStream(stuck, 64, 2, "read-ahead-interrupted");
    reading.await();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(in::close)
          .isInstanceOf(InterruptedIOException.class)
          .hasMessage("interrupted while closing");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(closed).isTrue();
  }
}
