package com.benefits.etl;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.model.CleanEvent;
import com.benefits.etl.internal.model.DailyCount;
import com.benefits.etl.internal.model.RejectedRecord;
import com.benefits.etl.internal.model.UsersTable;
import com.benefits.etl.internal.model.ValidEvent;
import com.benefits.etl.internal.read.EventReader;
import com.benefits.etl.internal.read.UsersCsvReader;
import com.benefits.etl.internal.report.RunReport;
import com.benefits.etl.internal.report.RunReportWriter;
import com.benefits.etl.internal.rules.Rejection;
import com.benefits.etl.internal.transform.DailyCounts;
import com.benefits.etl.internal.transform.Deduplicator;
import com.benefits.etl.internal.transform.UserIndex;
import com.benefits.etl.internal.write.AsyncEventWriter;
import com.benefits.etl.internal.write.CleanEventsWriter;
import com.benefits.etl.internal.write.DailySummaryWriter;
import com.benefits.etl.internal.write.OutputDirectory;
import com.benefits.etl.internal.write.ParquetTableWriter;
import com.benefits.etl.internal.write.RejectsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: loads the users, streams the events through the six steps of SPEC section 2
 * one record at a time, writes the four outputs to temporary files and publishes them together.
 * What is held in memory is the users table, the deduplication keys and the daily counts; the
 * events themselves never are.
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

  private EtlPipeline(PipelineOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  public static EtlPipeline of(PipelineOptions options) {
    return new EtlPipeline(options);
  }

  /** A pipeline over the three paths, keeping the default country. */
  public static EtlPipeline of(Path events, Path users, Path output) {
    return of(PipelineOptions.builder().events(events).users(users).output(output).build());
  }

  public PipelineOptions options() {
    return options;
  }

  /**
   * Runs the whole pipeline and publishes its outputs.
   *
   * @throws BadInputException for input that stops the run (SPEC section 4); no output is then
   *     replaced
   * @throws UncheckedIOException for an I/O failure while writing the outputs
   */
  public RunResult run() {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Phases phases = new Phases();

    try (EventReader events = EventReader.open(options.events())) {
      UsersTable users = UsersCsvReader.read(options.users());
      UsersTable.UsersStats u = users.stats();
      LOG.info(
          "Loaded {} users from {} rows of {} ({} blank ids, {} repeated ids, {} invalid"
              + " signup dates)",
          u.users(),
          u.rows(),
          options.users(),
          u.blankIds(),
          u.duplicateIds(),
          u.invalidSignupDates());
      phases.end("load_users");
      try (OutputDirectory out = OutputDirectory.open(options.output());
          Deduplicator dedup =
              new Deduplicator(
                  out.scratchFile("dedup-keys"), Deduplicator.DEFAULT_MEMORY_BUDGET_BYTES);
          DailyCounts daily =
              new DailyCounts(users, out.scratchFile("daily"), DailyCounts.DEFAULT_BUFFER_KEYS)) {
        return run(
            events,
            users,
            out,
            new Steps(users, options.country(), dedup, daily),
            phases,
            startedAt,
            start);
      }
    } catch (IOException e) {
      throw writeFailure(e);
    } catch (UncheckedIOException e) {
      throw writeFailure(e.getCause());
    }
  }

  private UncheckedIOException writeFailure(IOException e) {
    return new UncheckedIOException(
        "writing to the output directory " + options.output() + " failed: " + e.getMessage(), e);
  }

  private RunResult run(
      EventReader events,
      UsersTable users,
      OutputDirectory out,
      Steps steps,
      Phases phases,
      Instant startedAt,
      long start)
      throws IOException {
    long dailyRows;
    try (AsyncEventWriter writer =
        new AsyncEventWriter(
            CleanEventsWriter.open(out.temporaryFor(Output.CLEAN_EVENTS.fileName())),
            RejectsWriter.open(out.temporaryFor(Output.REJECTED_EVENTS.fileName())),
            steps.daily::add)) {
      long readerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      while (events.next()) {
        steps.process(events, writer);
      }
      readerCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - readerCpu;
      writer.finishRows();
      if (events.recordsRead() == 0) {
        LOG.warn("{} holds no records; the outputs are written empty", options.events());
      }
      phases.end("process_events");

      // The writer thread closes the clean and rejected files meanwhile.
      try (ParquetTableWriter<DailyCount> daily =
          DailySummaryWriter.open(out.temporaryFor(Output.DAILY_SUMMARY.fileName()))) {
        steps.daily.forEachSorted(row -> writeUnchecked(daily, row));
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
    List<RunReport.OutputFile> outputs =
        List.of(
            output(out, Output.CLEAN_EVENTS, result.cleanEvents()),
            output(out, Output.DAILY_SUMMARY, dailyRows),
            output(out, Output.REJECTED_EVENTS, result.rejectedTotal()));
    phases.end("write_report");
    RunReport report =
        new RunReport(
            startedAt,
            options.country(),
            input(options.events()),
            events.format(),
            events.gzip(),
            input(options.users()),
            result,
            phases.list,
            outputs);
    RunReportWriter.write(report, out.temporaryFor(Output.RUN_REPORT.fileName()));
    out.publish();
    return result;
  }

  /** The per-record work of steps 1–6, and the counts it keeps. */
  private static final class Steps {
    final UsersTable users;
    final String country;
    final Deduplicator dedup;
    final DailyCounts daily;

    /** Steps 5 and 6 in one lookup; each user's country decided once. */
    final UserIndex userIndex;

    final long[] rejected = new long[RejectReason.values().length];
    long clean;

    Steps(UsersTable users, String country, Deduplicator dedup, DailyCounts daily) {
      this.users = users;
      this.country = country;
      this.dedup = dedup;
      this.daily = daily;
      boolean[] inCountry = new boolean[users.size()];
      for (int u = 0; u < inCountry.length; u++) {
        inCountry[u] = country.equals(users.country(u));
      }
      this.userIndex = new UserIndex(users, inCountry, daily);
    }

    Map<RejectReason, Long> rejectedByReason() {
      Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
      for (RejectReason reason : RejectReason.values()) {
        byReason.put(reason, rejected[reason.ordinal()]);
      }
      return byReason;
    }

    void process(EventReader events, AsyncEventWriter out) {
      long index = events.index();
      CheckedRecord checked = events.checked();
      if (!checked.isValid()) {
        reject(events, out, checked.rejection());
        return;
      }
      ValidEvent e = checked.event();
      // The user is looked up between preparing the dedup key (which starts reading its slot)
      // and the duplicate check, so the two tables' cache misses overlap. The lookup changes
      // nothing; the reasons are still decided in SPEC order.
      dedup.prepare(e.dedupKey());
      int entry = userIndex.find(e.userId());
      long first = dedup.firstSeen(index);
      if (first >= 0) {
        reject(events, out, Rejection.duplicate(first));
        return;
      }
      if (entry < 0) {
        reject(events, out, Rejection.unknownUser(e.userId()));
        return;
      }
      if (!userIndex.inCountry(entry)) {
        String userCountry = users.country(userIndex.user(entry));
        reject(events, out, Rejection.filteredCountry(e.userId(), userCountry, country));
        return;
      }
      int date = e.eventDate();
      int signup = userIndex.signupDate(entry);
      // The target country equals the user's (step 6 passed), and is one shared instance.
      out.clean(
          new CleanEvent(
              e.userId(),
              e.eventType(),
              e.timestamp(),
              e.timestampMicros(),
              date,
              e.value(),
              e.device(),
              e.page(),
              signup == UsersTable.NO_DATE ? null : signup,
              country),
          DailyCounts.keyOfRank(userIndex.rank(entry), date));
      clean++;
    }

    private void reject(EventReader events, AsyncEventWriter out, Rejection rejection) {
      rejected[rejection.reason().ordinal()]++;
      out.reject(
          new RejectedRecord(
              events.index(), rejection.reason(), rejection.detail(), events.rawRecord()));
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
    return new RunReport.InputFile(path.toAbsolutePath().normalize(), size(path));
  }

  private static RunReport.OutputFile output(OutputDirectory out, Output output, long rows) {
    String name = output.fileName();
    return new RunReport.OutputFile(
        name, out.finalPath(name).toAbsolutePath().normalize(), rows, size(out.temporaryFor(name)));
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Wall time per phase, in order. */
  private static final class Phases {
    final List<RunReport.Phase> list = new ArrayList<>();
    long last = System.nanoTime();

    void end(String name) {
      long now = System.nanoTime();
      list.add(new RunReport.Phase(name, (now - last) / 1_000_000));
      last = now;
    }
  }
}
