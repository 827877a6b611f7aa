package com.benefits.etl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line run in this JVM, as the in-process tests drive it: its exit status, and what it
 * printed on stdout and stderr.
 */
record CliResult(int status, String out, String err) {

  /** {@code etl ARGS}. */
  static CliResult of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliResult(status, out.toString(), err.toString());
  }

  /** {@code etl run --events E --users U --output O} and then {@code extra}. */
  static CliResult run(Object events, Object users, Object output, String... extra) {
    return of(runArgs(events, users, output, extra).toArray(String[]::new));
  }

  /**
   * The arguments {@code run --events E --users U --output O EXTRA...}, each path as its {@code
   * toString()} (a string is passed as written: {@code s3://b/k} keeps both slashes).
   */
  static List<String> runArgs(Object events, Object users, Object output, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--events",
                events.toString(),
                "--users",
                users.toString(),
                "--output",
                output.toString()));
    args.addAll(List.of(extra));
    return args;
  }
}
