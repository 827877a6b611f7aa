package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.model.Cancellation;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.model.MemoryPlan;
import com.benefits.etl.internal.model.RejectedRecord;
import com.benefits.etl.internal.model.UsersTable;
import com.benefits.etl.internal.model.ValidEvent;
import com.benefits.etl.internal.read.EventReader;
import com.benefits.etl.internal.read.LocalPaths;
import com.benefits.etl.internal.read.RawRecords;
import com.benefits.etl.internal.read.UsersCsvReader;
import com.benefits.etl.internal.report.DayTotals;
import com.benefits.etl.internal.report.Phases;
import com.benefits.etl.internal.report.RejectExample;
import com.benefits.etl.internal.report.ReportHtmlWriter;
import com.benefits.etl.internal.report.RunReport;
import com.benefits.etl.internal.report.RunReportWriter;
import com.benefits.etl.internal.rules.Rejection;
import com.benefits.etl.internal.transform.DailyCounts;
import com.benefits.etl.internal.transform.Deduplicator;
import com.benefits.etl.internal.write.AsyncEventWriter;
import com.benefits.etl.internal.write.CleanEventsWriter;
import com.benefits.etl.internal.write.DailySummaryWriter;
import com.benefits.etl.internal.write.OutputDirectory;
import com.benefits.etl.internal.write.ParquetTableWriter;
import com.benefits.etl.internal.write.RejectsWriter;
import com.benefits.etl.internal.write.ScratchSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: loads the users, streams the events through the six steps of docs/spec.md
 * one record at a time, writes the four outputs into a directory of the run's own, checks the
 * quality gates and publishes the outputs as one set. What is held in memory is the users table,
 * the deduplication keys and the daily counts; the events themselves never are.
 *
 * <pre>{@code
 * RunResult result = EtlPipeline.of(PipelineOptions.builder()
 *     .events(Path.of("raw_events.json"))
 *     .users(Path.of("users.csv"))
 *     .output(Path.of("output"))
 *     .build()).run();
 * }</pre>
 */
public final class EtlPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(EtlPipeline.class);

  private final PipelineOptions options;
  private final Cancellation cancellation = new Cancellation();

  // What progress() reports; written by the run's thread, read by any.
  private volatile RunProgress.Phase phase = RunProgress.Phase.STARTING;
  private volatile EventReader reading;
  private volatile long recordsSoFar;
  private volatile long startNanos = System.nanoTime();

  private EtlPipeline(PipelineOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  public static EtlPipeline of(PipelineOptions options) {
    return new EtlPipeline(options);
  }

  /** A pipeline over the three paths, keeping the default country and gates. */
  public static EtlPipeline of(Path events, Path users, Path output) {
    return of(PipelineOptions.builder().events(events).users(users).output(output).build());
  }

  public PipelineOptions options() {
    return options;
  }

  /**
   * Asks a {@link #run()} in progress, on another thread, to stop: within about a second it removes
   * its temporary files and throws {@link RunInterruptedException}, having published nothing. Once
   * the run has begun to publish, it finishes instead. Safe from any thread, such as a shutdown
   * hook.
   */
  public void cancel() {
    cancellation.cancel();
  }

  /**
   * Where the run is now: safe to call from any thread while {@link #run()} runs, as a progress
   * bar's thread does.
   */
  public RunProgress progress() {
    EventReader events = reading;
    return new RunProgress(
        phase,
        events == null ? 0 : events.bytesRead(),
        events == null ? -1 : events.bytesTotal(),
        recordsSoFar,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * Runs the whole pipeline and publishes its outputs.
   *
   * @throws BadInputException for input that stops the run (docs/spec.md, "Errors"); no output is
   *     then replaced
   * @throws QualityGateException when the run fails a quality gate; nothing is published
   * @throws RunInterruptedException when {@link #cancel()} or an interrupt stopped the run
   * @throws UncheckedIOException for an I/O failure while writing the outputs
   */
  public RunResult run() {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    startNanos = start;
    Phases phases = new Phases();
    LocalPaths.requireLocal(options.events(), "events file");
    LocalPaths.requireLocal(options.users(), "users file");
    LocalPaths.requireLocal(options.output(), "output directory");
    options.scratch().ifPresent(s -> LocalPaths.requireLocal(s, "scratch directory"));

    try (OutputDirectory out =
            OutputDirectory.open(options.output(), List.of(options.events(), options.users()));
        ScratchSpace scratch =
            ScratchSpace.create(
                options.scratch().orElse(out.defaultScratchParent()), out.runId())) {
      try {
        return runIn(out, scratch, phases, startedAt, start);
      } catch (BadInputException e) {
        reportFailure(out, RunReport.Status.BAD_INPUT, e.getMessage(), e, phases, startedAt, start);
        throw e;
      } catch (QualityGateException | RunInterruptedException e) {
        throw e; // a gate keeps its own report; an interrupted run leaves nothing behind
      } catch (IOException | RuntimeException e) {
        if (!cancellation.isCancelled()) {
          reportFailure(
              out, RunReport.Status.FAILED, failureMessage(e), e, phases, startedAt, start);
        }
        throw e;
      }
    } catch (IOException | UncheckedIOException e) {
      throw shown(e);
    }
  }

  /** Steps 1-6, the report and the publish, in an open output directory. */
  private RunResult runIn(
      OutputDirectory out, ScratchSpace scratch, Phases phases, Instant startedAt, long start)
      throws IOException {
    Path eventsFile = LocalPaths.readable(options.events(), scratch, cancellation);
    // A copy of standard input or a pipe is named as the user gave it, not as the scratch copy.
    try (EventReader events = EventReader.open(eventsFile, options.events())) {
      reading = events;
      phase = RunProgress.Phase.LOADING_USERS;
      List<String> warnings = new ArrayList<>(events.warnings());
      MemoryPlan memory = MemoryPlan.forThisJvm();
      UsersTable users =
          UsersCsvReader.read(
              options.users(), cancellation, memory.usersTableBytes(), warnings::add);
      UsersStats u = users.stats();
      LOG.info(
          "Loaded {} users from {} rows of {} ({} blank ids, {} repeated ids, {} invalid"
              + " signup dates) into {} MB",
          u.users(),
          u.rows(),
          options.users(),
          u.blankIds(),
          u.duplicateIds(),
          u.invalidSignupDates(),
          users.bytes() >> 20);
      warnings.addAll(usersWarnings(users));
      phases.end("load_users");
      try (Deduplicator dedup =
              new Deduplicator(
                  scratch.file("dedup-keys"),
                  memory.dedupBytes(users.bytes(), Deduplicator.DEFAULT_MEMORY_BUDGET_BYTES));
          DailyCounts daily =
              new DailyCounts(users, scratch.file("daily"), DailyCounts.DEFAULT_BUFFER_KEYS)) {
        return run(
            events,
            users,
            out,
            new Steps(users, options.country(), dedup, daily),
            warnings,
            phases,
            startedAt,
            start);
      }
    }
  }

  /**
   * Writes the report of a run an error stopped, when the output directory existed before the run
   * (docs/spec.md 3.4); a failure to write it is added to {@code cause}, which is what the user
   * sees.
   */
  private void reportFailure(
      OutputDirectory out,
      RunReport.Status status,
      String error,
      Exception cause,
      Phases phases,
      Instant startedAt,
      long start) {
    try {
      Optional<Path> kept = out.keepForFailureReport();
      if (kept.isPresent()) {
        Path file = kept.get().resolve(Output.RUN_REPORT.fileName());
        RunReportWriter.writeFailure(
            status,
            startedAt,
            Duration.ofNanos(System.nanoTime() - start),
            Version.current(),
            options,
            error,
            phases.list(),
            file);
        LOG.info("This run's report: {}", file);
      }
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** The message the user sees for a failure other than bad input. */
  private String failureMessage(Exception e) {
    RuntimeException shown = shown(e);
    return shown == e ? e.toString() : shown.getMessage();
  }

  /**
   * What {@link #run()} throws for {@code e}: an I/O failure named as a write to the output
   * directory, or, once the run was cancelled, {@link RunInterruptedException}; anything else as
   * is.
   */
  private RuntimeException shown(Exception e) {
    if (e instanceof IOException io) {
      return outputDirectoryFailure(io);
    }
    if (e instanceof UncheckedIOException u) {
      return cancellation.isCancelled()
          ? new RunInterruptedException()
          : outputDirectoryFailure(u.getCause());
    }
    return (RuntimeException) e;
  }

  private UncheckedIOException outputDirectoryFailure(IOException e) {
    return new UncheckedIOException(
        "writing to the output directory " + options.output() + " failed: " + e.getMessage(), e);
  }

  /** Warnings about the users file that the gates will likely confirm: no users, no one kept. */
  private List<String> usersWarnings(UsersTable users) {
    List<String> warnings = new ArrayList<>();
    if (users.size() == 0) {
      warnings.add(
          options.users()
              + " holds no users ("
              + users.stats().rows()
              + " data rows): every event will be an unknown_user");
    } else {
      if (users.countryCode(options.country()) < 0) {
        warnings.add(
            "the country "
                + options.country()
                + " matches none of the "
                + users.size()
                + " users of "
                + options.users()
                + ": every known user's events will be filtered_country");
      }
    }
    for (String w : warnings) {
      LOG.warn(w);
    }
    return warnings;
  }

  private RunResult run(
      EventReader events,
      UsersTable users,
      OutputDirectory out,
      Steps steps,
      List<String> warnings,
      Phases phases,
      Instant startedAt,
      long start)
      throws IOException {
    long dailyRows;
    DayTotals eventsPerDay = new DayTotals();
    try (AsyncEventWriter writer =
        new AsyncEventWriter(
            CleanEventsWriter.open(out.temporaryFor(Output.CLEAN_EVENTS)),
            RejectsWriter.open(out.temporaryFor(Output.REJECTED_EVENTS)),
            steps.daily::add)) {
      long readerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      phase = RunProgress.Phase.READING_EVENTS;
      while (events.next()) {
        if ((events.index() & 1023) == 0) {
          cancellation.check();
          recordsSoFar = events.index();
        }
        steps.add(events, writer);
      }
      steps.flush(writer);
      readerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - readerCpu;
      recordsSoFar = events.recordsRead();
      phase = RunProgress.Phase.DAILY_SUMMARY;
      writer.finishRows();
      if (events.recordsRead() == 0) {
        String empty = options.events() + " holds no records; the outputs are written empty";
        LOG.warn(empty);
        warnings.add(empty);
      }
      phases.end("process_events");

      // The writer thread closes the clean and rejected files meanwhile.
      try (ParquetTableWriter<DailyCount> daily =
          DailySummaryWriter.open(out.temporaryFor(Output.DAILY_SUMMARY))) {
        steps.daily.forEachSorted(
            row -> {
              if ((daily.rowsWritten() & 4095) == 0) {
                cancellation.check();
              }
              writeUnchecked(daily, row);
              eventsPerDay.add(row.eventDate(), row.eventCount());
            });
        dailyRows = daily.rowsWritten();
      }
      writer.finish();
      phases.end("daily_summary");
      LOG.info(
          "The reading thread used {} ms of CPU for steps 1-6; the Parquet writer thread"
              + " used {} ms; the reader waited {} ms for it",
          readerCpu / 1_000_000,
          writer.writerCpuTime().toMillis(),
          writer.readerWaitTime().toMillis());
      LOG.info("Deduplication kept {} distinct keys", steps.dedup.size());
    }

    RunResult result =
        new RunResult(
            events.recordsRead(),
            steps.clean,
            steps.rejectedByReason(),
            dailyRows,
            users.stats(),
            out.directory(),
            Duration.ofNanos(System.nanoTime() - start));
    logSteps(result);
    List<GateCheck> gates = options.qualityGates().check(result);
    List<GateCheck> failed = gates.stream().filter(g -> !g.passed()).toList();
    List<RunReport.OutputFile> outputs =
        List.of(
            output(out, Output.CLEAN_EVENTS, result.cleanEvents()),
            output(out, Output.DAILY_SUMMARY, dailyRows),
            output(out, Output.REJECTED_EVENTS, result.rejectedTotal()));
    phases.end("write_report");
    RunReport report =
        new RunReport(
            startedAt,
            failed.isEmpty() ? RunReport.Status.SUCCEEDED : RunReport.Status.GATE_FAILED,
            Version.current(),
            options,
            input(options.events()),
            events.format(),
            events.gzip(),
            input(options.users()),
            result,
            warnings,
            gates,
            phases.list(),
            outputs,
            steps.examples(),
            eventsPerDay);
    RunReportWriter.write(report, out.temporaryFor(Output.RUN_REPORT));
    if (options.reportHtml()) {
      ReportHtmlWriter.write(report, out.temporaryFor(Output.REPORT_HTML));
    }
    if (!failed.isEmpty()) {
      Path kept = out.keepUnpublished();
      throw new QualityGateException(result, failed, kept);
    }
    cancellation.check(); // the last moment to stop: publishing is not undone
    phase = RunProgress.Phase.PUBLISHING;
    out.publish();
    phase = RunProgress.Phase.DONE;
    return result;
  }

  /** The per-record work of steps 1–6, and the counts it keeps. */
  private static final class Steps {
    /** Rejected records the report shows of each reason. */
    static final int EXAMPLES = 5;

    final UsersTable users;
    final String country;

    /** The target country's code in the users table, or -1 when no user has it. */
    final int countryCode;

    final Deduplicator dedup;
    final DailyCounts daily;
    final long[] rejected = new long[RejectReason.values().length];

    /** The first rejected records of each reason, for the report. */
    final List<List<RejectExample>> examples = new ArrayList<>();

    long clean;

    /** Records read but not yet through steps 4–6: see {@link #flush}. */
    static final int BATCH = 64;

    /**
     * A batch also ends once its valid records hold this many characters, so that 64 records of a
     * few MB each are not all held at once (their raw texts are held up to 64 KiB each).
     */
    static final long BATCH_CHARS = 1 << 20;

    final long[] indexes = new long[BATCH];
    final CheckedRecord[] checked = new CheckedRecord[BATCH];
    final ValidEvent[] validEvents = new ValidEvent[BATCH];
    final int[] handles = new int[BATCH];
    final long[] scratch = new long[BATCH];
    final RawRecords raw = new RawRecords(BATCH);
    int pending;
    long pendingChars;

    Steps(UsersTable users, String country, Deduplicator dedup, DailyCounts daily) {
      this.users = users;
      this.country = country;
      this.countryCode = users.countryCode(country);
      this.dedup = dedup;
      this.daily = daily;
      for (int i = 0; i < rejected.length; i++) {
        examples.add(new ArrayList<>(EXAMPLES));
      }
    }

    Map<RejectReason, List<RejectExample>> examples() {
      Map<RejectReason, List<RejectExample>> byReason = new EnumMap<>(RejectReason.class);
      for (RejectReason reason : RejectReason.values()) {
        byReason.put(reason, List.copyOf(examples.get(reason.ordinal())));
      }
      return byReason;
    }

    Map<RejectReason, Long> rejectedByReason() {
      Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
      for (RejectReason reason : RejectReason.values()) {
        byReason.put(reason, rejected[reason.ordinal()]);
      }
      return byReason;
    }

    /**
     * Takes the reader's current record into the batch (its outcome of steps 1–3 and its raw text);
     * the batch goes through steps 4–6 when full.
     */
    void add(EventReader events, AsyncEventWriter out) {
      int j = pending++;
      indexes[j] = events.index();
      CheckedRecord c = events.checked();
      checked[j] = c;
      if (c.isValid()) {
        validEvents[j] = c.event();
        pendingChars += c.event().chars();
      }
      events.rawRecordTo(raw);
      if (pending == BATCH || pendingChars >= BATCH_CHARS) {
        flush(out);
      }
    }

    /**
     * Steps 4–6 for the records of the batch, one by one in input order. The users table is only
     * read, so all their users are looked up first, together, so that the lookups' cache misses
     * overlap; each record's reasons are still decided in the contract's order.
     */
    void flush(AsyncEventWriter out) {
      int n = pending;
      users.findAll(validEvents, n, handles, scratch);
      for (int j = 0; j < n; j++) {
        process(j, out);
      }
      Arrays.fill(checked, 0, n, null);
      Arrays.fill(validEvents, 0, n, null);
      raw.clear();
      pending = 0;
      pendingChars = 0;
    }

    /**
     * Record {@code j} of the batch: rejected as steps 1-3 decided, or through steps 4-6. The
     * details of steps 4-6 are made by the writer thread, which has more time to spare than this
     * one.
     */
    private void process(int j, AsyncEventWriter out) {
      CheckedRecord c = checked[j];
      if (!c.isValid()) {
        byte[] utf8 = raw.utf8(j);
        emit(j, out, RejectedRecord.of(indexes[j], c.rejection(), rawText(j, utf8), utf8));
        return;
      }
      ValidEvent e = c.event();
      long first = dedup.firstSeen(e, indexes[j]);
      if (first >= 0) {
        reject(j, out, RejectReason.DUPLICATE, () -> Rejection.duplicate(first));
        return;
      }
      int user = handles[j];
      if (user < 0) {
        reject(j, out, RejectReason.UNKNOWN_USER, () -> Rejection.unknownUser(e.userId()));
        return;
      }
      if (users.countryCode(user) != countryCode) {
        String userCountry = users.country(user);
        reject(
            j,
            out,
            RejectReason.FILTERED_COUNTRY,
            () -> Rejection.filteredCountry(e.userId(), userCountry, country));
        return;
      }
      int date = e.eventDate();
      int signup = users.signupDate(user);
      // The target country equals the user's (step 6 passed), and is one shared instance.
      out.clean(
          new CleanEvent(e, date, signup == UsersTable.NO_DATE ? null : signup, country),
          DailyCounts.keyOfRank(users.rank(user), date));
      clean++;
    }

    /**
     * Rejects record {@code j} of the batch for {@code reason}, with the detail that {@code
     * rejection} will make on the writer thread.
     */
    private void reject(
        int j, AsyncEventWriter out, RejectReason reason, Supplier<Rejection> rejection) {
      byte[] utf8 = raw.utf8(j);
      emit(j, out, RejectedRecord.deferred(indexes[j], reason, rejection, rawText(j, utf8), utf8));
    }

    /**
     * Record {@code j}'s raw text as a string, or null when the batch gives it as bytes ({@code
     * utf8}), which go to the writer as they are.
     */
    private String rawText(int j, byte[] utf8) {
      return utf8 == null ? raw.text(j) : null;
    }

    private void emit(int j, AsyncEventWriter out, RejectedRecord row) {
      int reason = row.reason().ordinal();
      rejected[reason]++;
      List<RejectExample> shown = examples.get(reason);
      if (shown.size() < EXAMPLES) { // before the row is handed to the writer thread
        shown.add(new RejectExample(indexes[j], row.detail(), row.rawRecord()));
      }
      out.reject(row);
    }
  }

  private static void writeUnchecked(ParquetTableWriter<DailyCount> writer, DailyCount row) {
    try {
      writer.write(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The funnel of the six steps; the figures also as key-value pairs, for structured logs. */
  private static void logSteps(RunResult r) {
    long remaining = r.recordsRead();
    LOG.atInfo()
        .setMessage("Read {} records")
        .addArgument(r.recordsRead())
        .addKeyValue("records_read", r.recordsRead())
        .log();
    int step = 1;
    for (RejectReason reason : RejectReason.values()) {
      long dropped = r.rejected(reason);
      remaining -= dropped;
      LOG.atInfo()
          .setMessage("Dropped {} records ({}); {} remain")
          .addArgument(dropped)
          .addArgument(reason.code())
          .addArgument(remaining)
          .addKeyValue("step", step++)
          .addKeyValue("reason", reason.code())
          .addKeyValue("rejected", dropped)
          .addKeyValue("remaining", remaining)
          .log();
    }
    LOG.atInfo()
        .setMessage("Wrote {} clean events, {} daily summary rows, {} rejected records in {} ms")
        .addArgument(r.cleanEvents())
        .addArgument(r.dailySummaryRows())
        .addArgument(r.rejectedTotal())
        .addArgument(r.duration().toMillis())
        .addKeyValue("clean", r.cleanEvents())
        .addKeyValue("daily_summary_rows", r.dailySummaryRows())
        .addKeyValue("rejected_total", r.rejectedTotal())
        .addKeyValue("duration_ms", r.duration().toMillis())
        .log();
  }

  private static RunReport.InputFile input(Path path) {
    if (path.equals(PipelineOptions.STANDARD_INPUT)) {
      return new RunReport.InputFile(path, -1);
    }
    return new RunReport.InputFile(path.toAbsolutePath().normalize(), size(path));
  }

  private static RunReport.OutputFile output(OutputDirectory out, Output output, long rows) {
    return new RunReport.OutputFile(
        output.fileName(), out.finalPath(output), rows, size(out.temporaryFor(output)));
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
