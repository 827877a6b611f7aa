package com.benefits.etl.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads the stream underneath on a thread of its own, a chunk ahead of the reader, so that work
 * done inside that stream (inflating gzip) runs on the other core while the reading thread parses.
 * The reader gets what reading the stream underneath would give: the same bytes, then the same end
 * or the same exception, after every byte read before it. (Commons IO's {@code
 * ReadAheadInputStream} was the library choice, but version 2.22 takes an {@link
 * java.io.EOFException}, which is what a truncated gzip file throws, for the end of the data.)
 *
 * <p>At most {@code chunks} chunks are read ahead, so memory stays bounded. Closing stops the
 * thread and then closes the stream underneath. One reading thread only.
 */
final class ReadAheadInputStream extends BlockInputStream {
  /** One piece of the stream: bytes, or where it ended (length -1, and the failure if any). */
  private record Chunk(byte[] bytes, int length, Throwable failure) {}

  private final BlockingQueue<Chunk> ready;
  private final BlockingQueue<byte[]> free;
  private final Thread thread;
  private volatile boolean closed;
  private Chunk current;
  private int pos;

  /**
   * @param in the stream to read ahead of the caller
   * @param chunkBytes the size of one read ahead
   * @param chunks how many chunks may be read ahead (at least 1)
   * @param name the name of the reading thread
   */
  ReadAheadInputStream(InputStream in, int chunkBytes, int chunks, String name) {
    super(in);
    if (chunkBytes < 1 || chunks < 1) {
      throw new IllegalArgumentException("chunkBytes and chunks must be positive");
    }
    ready = new ArrayBlockingQueue<>(chunks + 1); // the chunks, and where the stream ended
    free = new ArrayBlockingQueue<>(chunks + 1);
    for (int i = 0; i < chunks + 1; i++) {
      free.add(new byte[chunkBytes]);
    }
    thread = new Thread(this::readAhead, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void readAhead() {
    try {
      while (!closed) {
        byte[] buffer = free.take();
        int n = 0;
        Throwable failure = null;
        try {
          while (n < buffer.length) {
            int r = in.read(buffer, n, buffer.length - n);
            if (r < 0) {
              break;
            }
            n += r;
          }
        } catch (IOException | RuntimeException | Error e) {
          failure = e;
        }
        if (n > 0) {
          ready.put(new Chunk(buffer, n, null));
        }
        if (n < buffer.length) { // the end of the stream, or a failure
          ready.put(new Chunk(null, -1, failure));
          return;
        }
      }
    } catch (InterruptedException e) {
      // closed while waiting for room
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (closed) {
      throw new IOException("stream closed");
    }
    if (current == null || pos == current.length()) { // (never true at the end: length -1)
      if (current != null) {
        free.add(current.bytes());
      }
      current = take();
      pos = 0;
    }
    if (current.length() < 0) {
      return endOrFailure();
    }
    int n = Math.min(len, current.length() - pos);
    System.arraycopy(current.bytes(), pos, b, off, n);
    pos += n;
    return n;
  }

  /**
   * Always 0, as {@link InputStream} says by default: a {@link java.io.BufferedInputStream} over
   * this one then reads it once per call, so that a failure is never thrown from a call that had
   * already copied bytes (which that buffer would lose).
   */
  @Override
  public int available() {
    return 0;
  }

  /** At the end: -1, or the failure that ended the stream, again on every later read. */
  private int endOrFailure() throws IOException {
    Throwable failure = current.failure();
    if (failure == null) {
      return -1;
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw (Error) failure;
  }

  private Chunk take() throws IOException {
    try {
      return ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while reading ahead");
      io.initCause(e);
      throw io;
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // kept for the caller, as take() keeps it
      InterruptedIOException io = new InterruptedIOException("interrupted while closing");
      io.initCause(e);
      throw io;
    } finally {
      super.close();
    }
  }
}
