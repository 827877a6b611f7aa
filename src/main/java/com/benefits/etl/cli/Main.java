package com.benefits.etl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Placeholder entry point ({@code etl}); the lead replaces it. */
@Command(name = "etl", mixinStandardHelpOptions = true, subcommands = {GenerateCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The {@code etl} command line, with case-insensitive enum values. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
