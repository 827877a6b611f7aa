package com.benefits.etl.cli;

import com.benefits.etl.BadInputException;
import com.benefits.etl.QualityGateException;
import com.benefits.etl.RunInterruptedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code etl} command line. Exit status: 0 on success, 2 for bad input or usage (one message on
 * stderr, no stack trace unless {@code --debug}), 3 when a quality gate stopped the run, 130 and
 * 143 when SIGINT or SIGTERM did, 1 only for a bug.
 */
@Command(
    name = "etl",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turns raw benefits engagement events and a users CSV into clean Parquet.",
    subcommands = {
      RunCommand.class,
      InspectCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success",
      "1:a bug (please report it)",
      "2:bad input or usage",
      "3:a quality gate failed: nothing published",
      "130:interrupted by SIGINT (143: SIGTERM): nothing published, nothing left behind"
    })
public final class Main {
  static final int BUG = 1;
  static final int BAD_INPUT = 2;
  static final int GATE_FAILED = 3;
  static final int INTERRUPTED = 130;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Log each step's counts to stderr.")
  void verbose(boolean on) {
    if (on) {
      Logging.verbose();
    }
  }

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Log everything, and print stack traces for errors.")
  void debug(boolean on) {
    debug = on;
    if (on) {
      Logging.debug();
    }
  }

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      completionCandidates = LogFormats.class,
      scope = ScopeType.INHERIT,
      description =
          "Log lines on stderr as text (default) or as one JSON object per line, the final"
              + " error included.")
  void logFormat(Logging.Format format) {
    // Also called for a subcommand's inherited copy; only a given value changes anything.
    if (format != null) {
      Logging.format(format);
    }
  }

  private static boolean debug;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit status, without exiting the JVM. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Like {@link #execute(String...)}, printing to the given writers instead of stdout/stderr. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    debug = false;
    // Configuring Logback and building picocli's command model each take about 0.2 s at start-up;
    // they share nothing, so they run at once. Nothing logs or parses before both are done.
    FutureTask<Void> logging = new FutureTask<>(() -> Logging.reset(err), null);
    new Thread(logging, "logging-setup").start();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e));
    CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          if (Logging.format() == Logging.Format.JSON) {
            // The message alone: usage help is text, and stderr holds only JSON lines here.
            Logging.fatal(BAD_INPUT, null, e.getMessage(), e.getMessage());
            return BAD_INPUT;
          }
          return usage.handleParseException(e, arguments);
        });
    await(logging);
    return cli.execute(args);
  }

  private static void await(FutureTask<Void> task) {
    try {
      task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up logging", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The fatal error, through logging: in text exactly as before ({@code error: <message>}). */
  private static int handle(Exception e) {
    Throwable trace = debug ? e : null;
    if (e instanceof QualityGateException) {
      Logging.fatal(GATE_FAILED, trace, e.getMessage(), e.getMessage());
      return GATE_FAILED;
    }
    if (e instanceof RunInterruptedException) {
      Logging.fatal(INTERRUPTED, trace, e.getMessage(), e.getMessage());
      return INTERRUPTED;
    }
    if (e instanceof BadInputException || e instanceof UncheckedIOException) {
      Logging.fatal(BAD_INPUT, trace, "error: " + e.getMessage(), e.getMessage());
      return BAD_INPUT;
    }
    String bug = "internal error (a bug in benefits-etl): " + e;
    Logging.fatal(
        BUG, trace, debug ? bug : bug + "\nrun again with --debug for the stack trace", bug);
    return BUG;
  }

  /** The values of {@code --log-format} as users type them, for shell completion. */
  static final class LogFormats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("text", "json").iterator();
    }
  }

  /** The build's version and commit ({@link com.benefits.etl.Version}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"benefits-etl " + com.benefits.etl.Version.current()};
    }
  }
}
