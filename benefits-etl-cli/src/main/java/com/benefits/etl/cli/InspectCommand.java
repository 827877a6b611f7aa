package com.benefits.etl.cli;

import com.benefits.etl.cli.inspect.Inspector;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code etl inspect}: what a run published, readable at a terminal. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the outputs in an output directory: for each Parquet file (or directory of"
          + " part-*.parquet files) its size, row count, schema and first rows; the rejects"
          + " counted by reason with an example of each; and a line from run_report.json."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = "output",
      description =
          "An output directory, or one output in it, such as DIR/clean_events.parquet"
              + " (default: ${DEFAULT-VALUE}).")
  Path directory;

  @Option(
      names = "--rows",
      paramLabel = "N",
      defaultValue = "10",
      description = "First rows to show of each output; 0 shows none (default: ${DEFAULT-VALUE}).")
  int rows;

  @Override
  public Integer call() {
    if (rows < 0) {
      throw new ParameterException(spec.commandLine(), "--rows: must be 0 or more, not " + rows);
    }
    new Inspector(spec.commandLine().getOut(), rows).inspect(directory);
    return 0;
  }
}
