package com.benefits.etl.cli;

import com.benefits.etl.EngineRun;
import com.benefits.etl.EtlEngine;
import com.benefits.etl.EtlEngines;
import com.benefits.etl.EtlPipeline;
import com.benefits.etl.Output;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.QualityGates;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
            + " run_report.json, all published together only when the run succeeds and passes"
            + " its quality gates.")
final class RunCommand implements Callable<Integer> {
  /**
   * The launcher sets this system property to stderr's width when stderr is a terminal: the run
   * then shows a live progress bar instead of log lines.
   */
  static final String TERMINAL_COLUMNS = "etl.stderr.columns";

  @Spec CommandSpec spec;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      defaultValue = "raw_events.json",
      description =
          "Events: a JSON array or NDJSON, optionally gzipped; - reads standard input"
              + " (default: ${DEFAULT-VALUE}).")
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

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      defaultValue = EtlEngines.DEFAULT,
      description =
          "Engine: embedded (this JVM, the default) or spark (Apache Spark: needs the Spark"
              + " engine and Spark on the classpath, see docs/spark.md).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master for --engine spark, such as local[2] or spark://host:7077"
              + " (default: local[*]).")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "A Spark property for --engine spark; repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--scratch",
      paramLabel = "DIR",
      description =
          "Directory for the run's spill files (deduplication keys, daily counts, a copy of"
              + " events read from standard input), removed at the end (default: inside the"
              + " output directory).")
  Path scratch;

  @Option(
      names = "--no-report-html",
      description = "Do not write report.html (run_report.json is written all the same).")
  boolean noReportHtml;

  @Option(
      names = "--quiet",
      description = "Show no progress on stderr (warnings and errors still show).")
  boolean quiet;

  @Option(
      names = "--no-quality-gate",
      description = "Check no quality gate: publish whatever the counts.")
  boolean noQualityGate;

  @Option(
      names = "--min-clean-rows",
      paramLabel = "N",
      converter = RowCounts.class,
      description =
          "Publish only with at least N clean rows (default: 1 when any record was read).")
  Long minCleanRows;

  @Option(
      names = "--max-rejected-fraction",
      paramLabel = "F",
      converter = Fractions.class,
      description =
          "Publish only if at most this share of the records read is rejected, all reasons"
              + " together: 0.2 or 20%% (default: no limit).")
  Double maxRejectedFraction;

  @Option(
      names = "--max-reason-fraction",
      paramLabel = "REASON=F",
      converter = ReasonFractions.class,
      description =
          "Publish only if at most this share of the records read is rejected for REASON, such"
              + " as unknown_user=5%%; repeatable (default: malformed_record=50%%; 100%% lifts a"
              + " limit).")
  List<ReasonFractions.Limit> maxReasonFractions = new ArrayList<>();

  @Override
  public Integer call() {
    QualityGates gates = gates();
    PipelineOptions options;
    try {
      options =
          PipelineOptions.builder()
              .events(events)
              .users(users)
              .output(output)
              .country(country)
              .scratch(scratch)
              .qualityGates(gates)
              .reportHtml(!noReportHtml)
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--country: " + e.getMessage());
    }
    RunResult result;
    if (engine.equals(EtlEngines.DEFAULT) && master == null && conf.isEmpty()) {
      EtlPipeline pipeline = EtlPipeline.of(options);
      if (quiet) {
        Logging.quiet();
        result = Interrupts.stopOnSignal(pipeline);
      } else {
        // With JSON logs stderr holds JSON lines only: progress goes to them, never as a bar.
        int columns =
            Logging.format() == Logging.Format.JSON ? 0 : Integer.getInteger(TERMINAL_COLUMNS, 0);
        ProgressDisplay progress = ProgressDisplay.start(pipeline, columns, System.err);
        try {
          result = Interrupts.stopOnSignal(pipeline);
        } finally {
          progress.close();
        }
      }
    } else {
      Optional<EtlEngine> found = EtlEngines.find(engine);
      String problem =
          found.isEmpty()
              ? "the "
                  + engine
                  + " engine is not on the classpath (engines here: "
                  + EtlEngines.all().stream().map(EtlEngine::name).toList()
                  + "); for --engine spark, see docs/spark.md"
              : found.get().unavailable().orElse(null);
      if (problem != null) {
        spec.commandLine().getErr().println("error: --engine " + engine + ": " + problem);
        spec.commandLine().getErr().flush();
        return Main.BAD_INPUT;
      }
      Map<String, String> settings = new LinkedHashMap<>(conf);
      if (master != null) {
        settings.put("spark.master", master);
      }
      try {
        result =
            found
                .get()
                .run(
                    new EngineRun(
                        options,
                        asWritten("--events", events),
                        asWritten("--users", users),
                        asWritten("--output", output),
                        settings));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }
    printSummary(spec.commandLine().getOut(), options, result);
    return 0;
  }

  /** An option's value as typed (a Path drops the second slash of s3a://), or its default. */
  private String asWritten(String option, Path parsed) {
    OptionSpec matched = spec.commandLine().getParseResult().matchedOption(option);
    return matched == null ? parsed.toString() : matched.originalStringValues().get(0);
  }

  /** The gates the options ask for: the defaults, changed or switched off. */
  private QualityGates gates() {
    if (noQualityGate) {
      if (minCleanRows != null || maxRejectedFraction != null || !maxReasonFractions.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(), "--no-quality-gate cannot be combined with a gate's limit");
      }
      return QualityGates.off();
    }
    QualityGates.Builder b = QualityGates.builder();
    try {
      if (minCleanRows != null) {
        b.minCleanRows(minCleanRows);
      }
      if (maxRejectedFraction != null) {
        b.maxRejectedFraction(maxRejectedFraction);
      }
      for (ReasonFractions.Limit limit : maxReasonFractions) {
        b.maxFraction(limit.reason(), limit.fraction());
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
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
    out.printf(Locale.ROOT, "Run report: %s%n", r.runReportFile());
    if (options.reportHtml()) {
      out.printf(Locale.ROOT, "Open the report: %s%n", r.file(Output.REPORT_HTML));
    }
    out.flush();
  }
}
