package com.benefits.etl.cli;

import com.benefits.etl.BadInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code etl} command line. Exit status: 0 on success, 2 for bad input or usage (one message on
 * stderr, no stack trace unless {@code --debug}), 1 only for a bug.
 */
@Command(
    name = "etl",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turns raw benefits engagement events and a users CSV into clean Parquet.",
    subcommands = {RunCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:success", "1:a bug (please report it)", "2:bad input or usage"})
public final class Main {
  static final int BAD_INPUT = 2;
  static final int BUG = 1;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log each step's counts to stderr.")
  void verbose(boolean on) {
    if (on) {
      Logging.verbose();
    }
  }

  @Option(names = "--debug", scope = ScopeType.INHERIT,
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
    Logging.reset();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine.getErr()));
    return cli.execute(args);
  }

  private static int handle(Exception e, PrintWriter err) {
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

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"benefits-etl " + (v == null ? "development" : v)};
    }
  }
}
