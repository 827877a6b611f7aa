package com.benefits.etl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Raises log levels for {@code --verbose} and {@code --debug}; the default is warnings only. */
final class Logging {
  private static final String OURS = "com.benefits.etl";

  private Logging() {}

  /** Back to the defaults of logback.xml (matters when one JVM runs several commands). */
  static void reset() {
    level(OURS, null);
    level(ProgressDisplay.LOGGER, Level.INFO);
    level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.WARN);
  }

  /** No progress lines: warnings and errors only. */
  static void quiet() {
    level(ProgressDisplay.LOGGER, Level.WARN);
  }

  static void verbose() {
    level(OURS, Level.INFO);
  }

  static void debug() {
    level(OURS, Level.DEBUG);
    level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO);
  }

  private static void level(String name, Level level) {
    ((Logger) LoggerFactory.getLogger(name)).setLevel(level);
  }
}
