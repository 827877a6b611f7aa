package com.benefits.etl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The command line's logging: levels for {@code --verbose} and {@code --debug} (the default is
 * warnings only), and the format for {@code --log-format}: logback.xml's text lines, or one JSON
 * object per line from logback's own {@link JsonEncoder}. Logs go to stderr; the fatal error line
 * goes through logging too, to the command's error writer.
 */
final class Logging {
  /** {@code --log-format}. */
  enum Format {
    TEXT,
    JSON
  }

  private static final String OURS = "com.benefits.etl";
  private static final String STDERR = "STDERR";

  /** The logger of the fatal error line (exit status 1 or 2). */
  private static final Logger FATAL = (Logger) LoggerFactory.getLogger(Main.class);

  private static final Object LOCK = new Object();
  private static Format format = Format.TEXT;
  private static PrintWriter errors;
  private static Appender<ILoggingEvent> text;
  private static Appender<ILoggingEvent> json;

  private Logging() {}

  /**
   * Back to the defaults of logback.xml, text lines, with the fatal error line going to {@code err}
   * (matters when one JVM runs several commands).
   */
  static void reset(PrintWriter err) {
    synchronized (LOCK) {
      errors = err;
      level(OURS, null);
      level(ProgressDisplay.LOGGER, Level.INFO);
      level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.WARN);
      format(Format.TEXT);
    }
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

  static Format format() {
    synchronized (LOCK) {
      return format;
    }
  }

  /** Switches every log line, the fatal one included, to {@code f}. */
  static void format(Format f) {
    synchronized (LOCK) {
      format = f;
      LoggerContext context = FATAL.getLoggerContext();
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      if (text == null) {
        text = root.getAppender(STDERR);
        json = console(context, jsonEncoder(context));
      }
      if (text != null) {
        root.detachAppender(text);
      }
      root.detachAppender(json);
      if (f == Format.JSON) {
        root.addAppender(json);
      } else if (text != null) {
        root.addAppender(text);
      }

      FATAL.detachAndStopAllAppenders();
      FATAL.setAdditive(false);
      OutputStreamAppender<ILoggingEvent> fatal = new OutputStreamAppender<>();
      fatal.setContext(context);
      fatal.setName("FATAL");
      fatal.setEncoder(f == Format.JSON ? jsonEncoder(context) : lines(context));
      fatal.setOutputStream(new WriterStream(errors));
      fatal.start();
      FATAL.addAppender(fatal);
    }
  }

  /**
   * The error that ends the command, as one log event at level ERROR with the exit status as a
   * key-value pair: in text, {@code text} as it is (then the stack trace, when {@code trace} is
   * given); in JSON, {@code json}.
   */
  static void fatal(int exitStatus, Throwable trace, String text, String json) {
    LoggingEventBuilder event =
        FATAL
            .atError()
            .setMessage(format() == Format.JSON ? json : text)
            .addKeyValue("exit_status", exitStatus);
    if (trace != null) {
      event = event.setCause(trace);
    }
    event.log();
  }

  /**
   * What a run stopped by SIGINT or SIGTERM left, said from the shutdown hook as an ERROR event:
   * {@code line} as it is in text; the exit status (130 or 143) is the JVM's to set.
   */
  static void signal(String line) {
    FATAL.atError().setMessage(line).log();
  }

  private static Appender<ILoggingEvent> console(LoggerContext context, Encoder<ILoggingEvent> e) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR_JSON");
    appender.setTarget("System.err");
    appender.setEncoder(e);
    appender.start();
    return appender;
  }

  /**
   * One object a line: timestamp (ms since the epoch), level, threadName, loggerName, the key-value
   * pairs the code gave (kvpList), formattedMessage (the message as rendered) and throwable (null,
   * or the exception with its stack); no logger context, MDC, sequence numbers, or the message's
   * template and arguments apart.
   */
  private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonEncoder e = new JsonEncoder();
    e.setContext(context);
    e.setWithSequenceNumber(false);
    e.setWithNanoseconds(false);
    e.setWithContext(false);
    e.setWithMDC(false);
    e.setWithArguments(false);
    e.setWithMessage(false);
    e.setWithFormattedMessage(true);
    e.start();
    return e;
  }

  /** The message alone, then the stack trace if the event has one. */
  private static Encoder<ILoggingEvent> lines(LoggerContext context) {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(context);
    e.setPattern("%msg%n");
    e.setCharset(StandardCharsets.UTF_8);
    e.start();
    return e;
  }

  private static void level(String name, Level level) {
    ((Logger) LoggerFactory.getLogger(name)).setLevel(level);
  }

  /**
   * The bytes of each log event, decoded and written to a {@link PrintWriter}. Logback hands over
   * one whole event per write, so a write never ends inside a character.
   */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter out;

    WriterStream(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      out.write(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
      out.flush();
    }

    /** The writer stays open: it belongs to the command. */
    @Override
    public void close() {
      out.flush();
    }
  }
}
