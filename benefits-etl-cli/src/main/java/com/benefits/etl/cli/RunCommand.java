package com.benefits.etl.cli;

import com.benefits.etl.EtlPipeline;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code etl run}: the whole pipeline, then a short summary on stdout. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Cleans, deduplicates, joins and filters the events; writes"
            + " clean_events.parquet, daily_summary.parquet, rejected_events.parquet and"
            + " run_report.json, all published together only when the run succeeds.")
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      defaultValue = "raw_events.json",
      description =
          "Events: a JSON array or NDJSON, optionally gzipped (default: ${DEFAULT-VALUE}).")
  Path events;

  @Option(
      names = "--users",
      paramLabel = "FILE",
      defaultValue = "users.csv",
      description =
          "Users CSV with user_id, signup_date, country columns (default: ${DEFAULT-VALUE}).")
  Path users;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      defaultValue = "output",
      description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--country",
      paramLabel = "CODE",
      defaultValue = "US",
      description =
          "Country to keep, normalised like the users' countries, so usa means US"
              + " (default: ${DEFAULT-VALUE}).")
  String country;

  @Override
  public Integer call() {
    PipelineOptions options;
    try {
      options =
          PipelineOptions.builder()
              .events(events)
              .users(users)
              .output(output)
              .country(country)
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--country: " + e.getMessage());
    }
    RunResult result = EtlPipeline.of(options).run();
    printSummary(spec.commandLine().getOut(), options, result);
    return 0;
  }

  static void printSummary(PrintWriter out, PipelineOptions options, RunResult r) {
    out.printf(
        Locale.ROOT,
        "Read %,d records from %s in %.2f s%n",
        r.recordsRead(),
        options.events(),
        r.duration().toNanos() / 1e9);
    out.printf(
        Locale.ROOT, "  clean events        %,12d  -> %s%n", r.cleanEvents(), r.cleanEventsFile());
    out.printf(
        Locale.ROOT,
        "  rejected            %,12d  -> %s%n",
        r.rejectedTotal(),
        r.rejectedEventsFile());
    for (RejectReason reason : RejectReason.values()) {
      out.printf(Locale.ROOT, "    %-18s%,12d%n", reason.code(), r.rejected(reason));
    }
    out.printf(
        Locale.ROOT,
        "  daily summary rows  %,12d  -> %s%n",
        r.dailySummaryRows(),
        r.dailySummaryFile());
    out.printf(Locale.ROOT, "  run report          %12s  -> %s%n", "", r.runReportFile());
    out.printf(
        Locale.ROOT,
        "  users               %,12d  (%,d rows; %,d blank ids, %,d repeated"
            + " ids, %,d invalid signup dates)%n",
        r.users().users(),
        r.users().rows(),
        r.users().blankIds(),
        r.users().duplicateIds(),
        r.users().invalidSignupDates());
    out.printf(
        Locale.ROOT,
        "  invariant %s: records_read = clean + rejected%n",
        r.invariantHolds() ? "holds" : "DOES NOT HOLD");
    out.flush();
  }
}
