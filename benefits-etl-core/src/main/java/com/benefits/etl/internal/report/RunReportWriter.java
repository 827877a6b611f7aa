package com.benefits.etl.internal.report;

import com.benefits.etl.GateCheck;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.QualityGates;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import com.benefits.etl.UsersStats;
import com.benefits.etl.Version;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Writes a {@link RunReport} as {@code run_report.json}: pretty-printed, snake_case keys. */
public final class RunReportWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private RunReportWriter() {}

  public static void write(RunReport report, Path file) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      write(report, g);
    }
  }

  /**
   * Writes the report to {@code out} (an engine writing to another file system), leaving it open.
   */
  public static void write(RunReport report, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      write(report, g);
    }
  }

  private static void write(RunReport report, JsonGenerator g) throws IOException {
    {
      g.useDefaultPrettyPrinter();
      RunResult r = report.result();
      g.writeStartObject();
      g.writeStringField("status", report.status().code());
      g.writeNumberField("exit_status", report.status().exitStatus());
      g.writeStringField("started_at", report.startedAt().toString());
      g.writeNumberField("duration_ms", r.duration().toMillis());
      g.writeStringField("country", report.options().country());
      version(g, report.version());
      options(g, report.options());

      g.writeObjectFieldStart("inputs");
      g.writeObjectFieldStart("events");
      file(g, report.events().path(), report.events().bytes());
      g.writeStringField("format", report.eventsFormat().name().toLowerCase(java.util.Locale.ROOT));
      g.writeBooleanField("gzip", report.eventsGzip());
      g.writeEndObject();
      g.writeObjectFieldStart("users");
      file(g, report.users().path(), report.users().bytes());
      g.writeEndObject();
      g.writeEndObject();

      UsersStats u = r.users();
      g.writeObjectFieldStart("users");
      g.writeNumberField("rows", u.rows());
      g.writeNumberField("users", u.users());
      g.writeNumberField("blank_ids", u.blankIds());
      g.writeNumberField("duplicate_ids", u.duplicateIds());
      g.writeNumberField("invalid_signup_dates", u.invalidSignupDates());
      g.writeEndObject();

      g.writeObjectFieldStart("counts");
      g.writeNumberField("records_read", r.recordsRead());
      g.writeNumberField("clean", r.cleanEvents());
      for (RejectReason reason : RejectReason.values()) {
        g.writeNumberField(reason.code(), r.rejected(reason));
      }
      g.writeNumberField("rejected_total", r.rejectedTotal());
      g.writeNumberField("daily_summary_rows", r.dailySummaryRows());
      g.writeEndObject();

      g.writeArrayFieldStart("steps");
      long remaining = r.recordsRead();
      int step = 1;
      for (RejectReason reason : RejectReason.values()) {
        long dropped = r.rejected(reason);
        remaining -= dropped;
        g.writeStartObject();
        g.writeNumberField("step", step++);
        g.writeStringField("reason", reason.code());
        g.writeNumberField("rejected", dropped);
        g.writeNumberField("remaining", remaining);
        g.writeEndObject();
      }
      g.writeEndArray();

      g.writeObjectFieldStart("invariant");
      g.writeStringField(
          "equation",
          "records_read = clean + malformed_record + missing_user_id"
              + " + invalid_timestamp + duplicate + unknown_user + filtered_country");
      g.writeNumberField("records_read", r.recordsRead());
      g.writeNumberField("clean_plus_rejected", r.cleanEvents() + r.rejectedTotal());
      g.writeBooleanField("holds", r.invariantHolds());
      g.writeEndObject();

      g.writeArrayFieldStart("warnings");
      for (String w : report.warnings()) {
        g.writeString(w);
      }
      g.writeEndArray();

      g.writeArrayFieldStart("quality_gates");
      for (GateCheck gate : report.gates()) {
        g.writeStartObject();
        g.writeStringField("gate", gate.name());
        g.writeBooleanField("passed", gate.passed());
        g.writeNumberField("measured", gate.measured());
        g.writeNumberField("limit", gate.limit());
        g.writeStringField("description", gate.description());
        g.writeEndObject();
      }
      g.writeEndArray();

      phases(g, report.phases());

      g.writeObjectFieldStart("outputs");
      for (RunReport.OutputFile out : report.outputs()) {
        g.writeObjectFieldStart(out.name());
        file(g, out.path(), out.bytes());
        g.writeNumberField("rows", out.rows());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /**
   * The report of a run that an error stopped before it could count every record: what it was asked
   * to do and why it stopped. Written where {@link
   * com.benefits.etl.internal.write.OutputDirectory#keepForFailureReport} says, never over the
   * published set.
   */
  public static void writeFailure(
      RunReport.Status status,
      Instant startedAt,
      Duration duration,
      Version version,
      PipelineOptions options,
      String error,
      List<RunReport.Phase> phases,
      Path file)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("status", status.code());
      g.writeNumberField("exit_status", status.exitStatus());
      g.writeStringField("error", error);
      g.writeStringField("started_at", startedAt.toString());
      g.writeNumberField("duration_ms", duration.toMillis());
      g.writeStringField("country", options.country());
      version(g, version);
      options(g, options);
      phases(g, phases);
      g.writeEndObject();
    }
  }

  private static void version(JsonGenerator g, Version v) throws IOException {
    g.writeObjectFieldStart("version");
    g.writeStringField("version", v.version());
    g.writeStringField("commit", v.commit());
    g.writeBooleanField("modified", v.dirty());
    g.writeEndObject();
  }

  private static void phases(JsonGenerator g, List<RunReport.Phase> phases) throws IOException {
    g.writeObjectFieldStart("phases_ms");
    for (RunReport.Phase phase : phases) {
      g.writeNumberField(phase.name(), phase.millis());
    }
    g.writeEndObject();
  }

  private static void options(JsonGenerator g, PipelineOptions o) throws IOException {
    g.writeObjectFieldStart("options");
    g.writeStringField("events", o.events().toString());
    g.writeStringField("users", o.users().toString());
    g.writeStringField("output", o.output().toString());
    g.writeStringField("country", o.country());
    g.writeStringField("scratch", o.scratch().map(Path::toString).orElse(null));
    QualityGates q = o.qualityGates();
    g.writeObjectFieldStart("quality_gates");
    g.writeBooleanField("enabled", q.enabled());
    boolean byDefault = q.minCleanRows() == QualityGates.AT_LEAST_ONE_IF_ANY_READ;
    g.writeNumberField("min_clean_rows", byDefault ? 1 : q.minCleanRows());
    g.writeBooleanField("min_clean_rows_only_if_any_read", byDefault);
    g.writeNumberField("max_rejected_fraction", q.maxRejectedFraction());
    g.writeObjectFieldStart("max_fraction");
    for (var e : q.maxFractionByReason().entrySet()) {
      g.writeNumberField(e.getKey().code(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void file(JsonGenerator g, Path path, long bytes) throws IOException {
    g.writeStringField("path", path.toString());
    g.writeNumberField("bytes", bytes);
  }
}
