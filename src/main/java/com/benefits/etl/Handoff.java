package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items, in order, to a consumer running on a thread of its own, so that the producer's
 * work and the consumer's use both cores. Items travel in batches through a bounded queue: a slow
 * consumer slows the producer instead of filling memory. If the consumer throws, the producer's
 * next {@link #put} or {@link #finish} throws the same exception.
 *
 * @param <T> the item type
 */
final class Handoff<T> implements AutoCloseable {
  static final int BATCH_ITEMS = 4096;
  private static final int QUEUE_BATCHES = 8;
  private static final Object[] END = new Object[0];

  private final Consumer<? super T> consumer;
  private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
  private final Thread thread;
  private volatile Throwable failure;
  private volatile long consumerCpuNanos;
  private long producerWaitNanos;
  private Object[] batch = new Object[BATCH_ITEMS];
  private int batchSize;
  private boolean finished;

  /** Starts the consumer thread, named {@code threadName}. */
  Handoff(String threadName, Consumer<? super T> consumer) {
    this.consumer = requireNonNull(consumer, "consumer is null");
    this.thread = new Thread(this::drain, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one item for the consumer. */
  void put(T item) {
    batch[batchSize++] = requireNonNull(item, "item is null");
    if (batchSize == BATCH_ITEMS) {
      handOff();
    }
  }

  private void handOff() {
    if (batchSize < batch.length) {
      batch[batchSize] = null;
    }
    offer(batch);
    batch = new Object[BATCH_ITEMS];
    batchSize = 0;
  }

  private void offer(Object[] b) {
    try {
      if (!queue.offer(b)) {
        long start = System.nanoTime();
        while (!queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
          rethrowFailure();
        }
        producerWaitNanos += System.nanoTime() - start;
      }
      rethrowFailure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing work to " + thread.getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private void drain() {
    try {
      for (Object[] b = queue.take(); b != END; b = queue.take()) {
        for (int i = 0; i < b.length && b[i] != null; i++) {
          consumer.accept((T) b[i]);
        }
      }
    } catch (Throwable t) {
      failure = t;
      queue.clear();
    } finally {
      consumerCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
  }

  /** CPU time the consumer thread used; valid after {@link #finish()}. */
  Duration consumerCpuTime() {
    return Duration.ofNanos(consumerCpuNanos);
  }

  /** How long the producer waited for room in the queue: the consumer was the slower side. */
  Duration producerWaitTime() {
    return Duration.ofNanos(producerWaitNanos);
  }

  private void rethrowFailure() {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    if (t instanceof IOException) {
      throw new UncheckedIOException((IOException) t);
    }
    throw new IllegalStateException(t);
  }

  /** Hands over the last items and waits until the consumer has taken them all. */
  void finish() {
    finished = true;
    handOff();
    offer(END);
    join();
    rethrowFailure();
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
    }
  }

  /** After a failure elsewhere: stops the consumer thread without waiting for queued items. */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      thread.interrupt();
      join();
    }
  }
}
