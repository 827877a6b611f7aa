package com.benefits.etl.cli;

import com.benefits.etl.BadInputException;
import com.benefits.etl.QualityGateException;
import com.benefits.etl.RunInterruptedException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
    subcommands = {RunCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
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
    FutureTask<Void> logging = new FutureTask<>(Logging::reset, null);
    new Thread(logging, "logging-setup").start();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> handle(e, commandLine.getErr()));
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

  private static int handle(Exception e, PrintWriter err) {
    if (e instanceof QualityGateException) {
      err.println(e.getMessage());
      err.flush();
      return GATE_FAILED;
    }
    if (e instanceof RunInterruptedException) {
      err.println(e.getMessage());
      err.flush();
      return INTERRUPTED;
    }
    if (e instanceof BadInputException || e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return BAD_INPUT;
    }
    err.println("internal error (a bug in benefits-etl): " + e);
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("run again with --debug for the stack trace");
    }
    err.flush();
    return BUG;
  }

  /** The build's version and commit ({@link com.benefits.etl.Version}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"benefits-etl " + com.benefits.etl.Version.current()};
    }
  }
}
