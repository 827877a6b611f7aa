package com.benefits.etl.internal.write;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pause points for the tests that kill a run between two steps of its publish: with the system
 * property {@code benefits.etl.test.pause} set to a point's name, a run that reaches it logs {@code
 * paused at NAME} and waits until it is killed. Unset (always, outside those tests), a pause point
 * does nothing.
 */
final class TestHooks {
  static final String PROPERTY = "benefits.etl.test.pause";
  private static final Logger LOG = LoggerFactory.getLogger(TestHooks.class);

  private TestHooks() {}

  static void pause(String point) {
    if (!point.equals(System.getProperty(PROPERTY))) {
      return;
    }
    LOG.warn("paused at {}", point);
    System.err.flush();
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // cancelled: go on, the run unwinds
      }
    }
  }
}
