package com.benefits.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandoffTest {

  @Test
  void theConsumerSeesEveryItemInOrderAcrossManyBatches() {
    int items = Handoff.BATCH_ITEMS * 20 + 17;
    List<Integer> seen = new ArrayList<>();
    List<String> threads = new ArrayList<>();
    try (Handoff<Integer> handoff = new Handoff<>("consumer", i -> {
      seen.add(i);
      if (threads.isEmpty()) {
        threads.add(Thread.currentThread().getName());
      }
    })) {
      for (int i = 0; i < items; i++) {
        handoff.put(i);
      }
      handoff.finish();
      assertThat(handoff.consumerCpuTime()).isPositive();
    }
    assertThat(seen).hasSize(items).isSorted();
    assertThat(seen.get(items - 1)).isEqualTo(items - 1);
    assertThat(threads).containsExactly("consumer");
  }

  @Test
  void finishingWithNothingHandedOverWorks() {
    List<Integer> seen = new ArrayList<>();
    try (Handoff<Integer> handoff = new Handoff<>("consumer", seen::add)) {
      handoff.finish();
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void aFailingConsumerStopsTheProducerWithTheCause() {
    try (Handoff<Integer> handoff = new Handoff<>("consumer", i -> {
      if (i == 5000) {
        throw new UncheckedIOException(new IOException("disk full"));
      }
    })) {
      assertThatThrownBy(() -> {
        for (int i = 0; i < Handoff.BATCH_ITEMS * 100; i++) {
          handoff.put(i);
        }
        handoff.finish();
      }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    }
  }

  @Test
  void aSlowConsumerMakesTheProducerWaitInsteadOfQueueingWithoutBound() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Handoff<Integer> handoff = new Handoff<>("consumer", i -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    })) {
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        release.countDown();
      });
      releaser.start();
      for (int i = 0; i < Handoff.BATCH_ITEMS * 20; i++) {
        handoff.put(i);
      }
      handoff.finish();
      releaser.join();
      assertThat(handoff.producerWaitTime().toMillis()).isGreaterThanOrEqualTo(100);
    }
  }

  @Test
  void nullItemsAreRefused() {
    try (Handoff<Integer> handoff = new Handoff<>("consumer", i -> { })) {
      assertThatThrownBy(() -> handoff.put(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("item is null");
    }
  }
}
