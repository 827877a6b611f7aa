package com.benefits.etl.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints {@link Results} as a table of medians and writes them as JSON. */
final class ResultsReport {
  private ResultsReport() {}

  static void printTable(Results r, PrintStream out) throws IOException {
    Map<Engine, Medians> m = r.medians();
    out.printf(
        Locale.ROOT,
        "%n%,d events (%.1f MB), %,d users, seed %d; %d round(s), medians;"
            + " JVM options %s; DuckDB %s, threads %s; peak RSS by %s%n",
        r.data().events(),
        r.eventsBytes() / 1e6,
        r.data().users(),
        r.data().seed(),
        r.rounds(),
        String.join(" ", r.jvmOptions()),
        r.duckdbExact() == null ? "(not run)" : r.duckdbExact().version(),
        r.duckdbExact() == null ? "-" : r.duckdbExact().threads(),
        r.peakRss().name().toLowerCase(Locale.ROOT));
    out.printf(
        Locale.ROOT,
        "%-12s %10s %10s %10s %14s %12s%n",
        "engine",
        "wall s",
        "min s",
        "max s",
        "peak RSS MB",
        "ours / this");
    for (Medians e : m.values()) {
      out.printf(
          Locale.ROOT,
          "%-12s %10.2f %10.2f %10.2f %14.0f %12.2f%n",
          e.engine().label,
          e.wallSeconds(),
          e.minWallSeconds(),
          e.maxWallSeconds(),
          e.peakRssMb(),
          r.ratio(e.engine()));
    }
    if (r.duckdbExact() != null) {
      out.printf(
          Locale.ROOT,
          "ours: %,.0f events/s, %.1f MB/s; ours/duckdb-plain %.2f,"
              + " ours/duckdb-exact %.2f, ours/parse-floor %.2f (wall time)%n",
          r.oursEventsPerSecond(),
          r.oursMegabytesPerSecond(),
          r.ratio(Engine.DUCKDB_PLAIN),
          r.ratio(Engine.DUCKDB_EXACT),
          r.ratio(Engine.PARSE_FLOOR));
      out.printf(
          Locale.ROOT,
          "counts: ours clean %,d, duckdb-exact clean %,d; %s%n",
          r.oursCounts().get("clean"),
          r.duckdbExact().counts().get("clean"),
          r.countDifferences().isEmpty()
              ? "every outcome count equal"
              : "DIFFERENT: " + r.countDifferences());
    }
    if (r.spark()) {
      out.printf(
          Locale.ROOT,
          "spark (local master): ours-spark %.2f s, spark-plain %.2f s, ours-spark/spark-plain"
              + " %.2f; ours (embedded) %.2f s; ours-spark counts %s; spark-plain clean %,d of"
              + " %,d read (lenient, not compared)%n",
          m.get(Engine.OURS_SPARK).wallSeconds(),
          m.get(Engine.SPARK_PLAIN).wallSeconds(),
          r.sparkRatio(),
          m.get(Engine.OURS).wallSeconds(),
          r.sparkCountDifferences().isEmpty()
              ? "equal to ours"
              : "DIFFERENT: " + r.sparkCountDifferences(),
          r.sparkPlain().counts().get("clean"),
          r.sparkPlain().counts().get("records_read"));
    }
    if (r.duckdbPlain() != null) {
      out.printf(
          Locale.ROOT,
          "counts: ours clean %,d of %,d read, duckdb-plain clean %,d of %,d read"
              + " (lenient, not the contract: not compared)%n",
          r.oursCounts().get("clean"),
          r.oursCounts().get("records_read"),
          r.duckdbPlain().counts().get("clean"),
          r.duckdbPlain().counts().get("records_read"));
    }
  }

  static void writeJson(Results r, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".results-", ".json");
    try (JsonGenerator g = new JsonFactory().createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("started_at", r.startedAt().toString());
      machine(g);
      g.writeObjectFieldStart("data_set");
      g.writeStringField("dir", r.data().dir().toString());
      g.writeNumberField("events", r.data().events());
      g.writeNumberField("users", r.data().users());
      g.writeNumberField("seed", r.data().seed());
      g.writeNumberField("events_bytes", r.eventsBytes());
      g.writeEndObject();
      g.writeNumberField("rounds", r.rounds());
      g.writeArrayFieldStart("jvm_options");
      for (String o : r.jvmOptions()) {
        g.writeString(o);
      }
      g.writeEndArray();
      g.writeStringField("peak_rss_method", r.peakRss().name().toLowerCase(Locale.ROOT));
      if (r.duckdbExact() != null) {
        g.writeObjectFieldStart("duckdb");
        g.writeStringField("version", r.duckdbExact().version());
        g.writeStringField("threads", r.duckdbExact().threads());
        g.writeStringField("memory_limit", r.duckdbExact().memoryLimit());
        g.writeEndObject();
      }
      g.writeObjectFieldStart("medians");
      for (Medians e : r.medians().values()) {
        g.writeObjectFieldStart(e.engine().label);
        g.writeNumberField("runs", e.runs());
        g.writeNumberField("wall_seconds", e.wallSeconds());
        g.writeNumberField("min_wall_seconds", e.minWallSeconds());
        g.writeNumberField("max_wall_seconds", e.maxWallSeconds());
        g.writeNumberField("peak_rss_mb", e.peakRssMb());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("ours");
      g.writeNumberField("events_per_second", r.oursEventsPerSecond());
      g.writeNumberField("megabytes_per_second", r.oursMegabytesPerSecond());
      if (r.duckdbExact() != null) {
        g.writeNumberField("wall_ratio_to_duckdb_plain", r.ratio(Engine.DUCKDB_PLAIN));
        g.writeNumberField("wall_ratio_to_duckdb_exact", r.ratio(Engine.DUCKDB_EXACT));
        g.writeNumberField("wall_ratio_to_parse_floor", r.ratio(Engine.PARSE_FLOOR));
      }
      g.writeEndObject();
      if (r.spark()) {
        g.writeObjectFieldStart("spark");
        g.writeNumberField(
            "ours_spark_wall_seconds", r.medians().get(Engine.OURS_SPARK).wallSeconds());
        g.writeNumberField(
            "spark_plain_wall_seconds", r.medians().get(Engine.SPARK_PLAIN).wallSeconds());
        g.writeNumberField("wall_ratio_ours_spark_to_spark_plain", r.sparkRatio());
        g.writeEndObject();
      }
      g.writeObjectFieldStart("counts");
      counts(g, "ours", r.oursCounts());
      if (r.spark()) {
        counts(g, Engine.OURS_SPARK.label, r.oursSparkCounts());
        counts(g, Engine.SPARK_PLAIN.label, r.sparkPlain().counts());
        g.writeArrayFieldStart("ours_spark_different");
        for (String k : r.sparkCountDifferences()) {
          g.writeString(k);
        }
        g.writeEndArray();
      }
      if (r.duckdbExact() != null) {
        counts(g, Engine.DUCKDB_EXACT.label, r.duckdbExact().counts());
        counts(g, Engine.DUCKDB_PLAIN.label, r.duckdbPlain().counts());
      }
      g.writeArrayFieldStart("different");
      for (String k : r.countDifferences()) {
        g.writeString(k);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("samples");
      for (RunSample s : r.samples()) {
        g.writeStartObject();
        g.writeStringField("engine", s.engine().label);
        g.writeNumberField("round", s.round());
        g.writeNumberField("exit_code", s.exitCode());
        g.writeNumberField("wall_seconds", s.wallSeconds());
        g.writeNumberField("peak_rss_kb", s.peakRssKb());
        g.writeArrayFieldStart("output_files");
        for (String f : s.outputFiles()) {
          g.writeString(f);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void machine(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("machine");
    g.writeNumberField("cores", Runtime.getRuntime().availableProcessors());
    g.writeStringField(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    g.writeStringField(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    Path loadavg = Path.of("/proc/loadavg");
    if (Files.isReadable(loadavg)) {
      // Other work on the machine skews every number; the load at the end says how much.
      g.writeStringField("loadavg_at_end", Files.readString(loadavg).strip());
    }
    g.writeEndObject();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Long> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
