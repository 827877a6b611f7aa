package com.benefits.etl.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import com.benefits.etl.EngineRun;
import com.benefits.etl.GateCheck;
import com.benefits.etl.Output;
import com.benefits.etl.QualityGateException;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import com.benefits.etl.Version;
import com.benefits.etl.internal.model.UsersTable;
import com.benefits.etl.internal.report.DayTotals;
import com.benefits.etl.internal.report.Phases;
import com.benefits.etl.internal.report.RejectExample;
import com.benefits.etl.internal.report.ReportHtmlWriter;
import com.benefits.etl.internal.report.RunReport;
import com.benefits.etl.internal.report.RunReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * One run of the Spark engine, driven from the driver. The events are read four times, each time by
 * the core module's readers inside the tasks, and never shuffled whole:
 *
 * <ol>
 *   <li>count: each unit's lines and records, so record indices and line numbers are global; a
 *       fatal error (a truncated JSON array) is found here, once, before anything is written;
 *   <li>keys: the exact deduplication key of each record that passed steps 1-3; one shuffle finds
 *       the first index of every key (step 4), a second, small one sends each later index (a
 *       duplicate) to its unit;
 *   <li>clean events and
 *   <li>rejects: each record's fate, in input order, each unit given its duplicates' indices.
 * </ol>
 *
 * The counts come from the rows written, and the daily summary from the clean events written.
 *
 * <p>Only counts reach the driver. Outputs are written into a staging directory and published by
 * renames ({@link StagedOutput}) once the counts pass the run's quality gates; a run that fails one
 * keeps them in {@code .benefits-etl/failed/RUN/} in the output directory, as the embedded engine
 * does, and publishes nothing.
 */
final class SparkRun {
  /** A Spark property: the NDJSON split size in bytes (default: as Spark splits files). */
  static final String SPLIT_BYTES = "spark.benefits.etl.splitBytes";

  /** Rejected records of each reason report.html shows, as the embedded engine. */
  private static final int EXAMPLES = 5;

  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  private static final Logger LOG = LoggerFactory.getLogger(SparkRun.class);

  private static final StructType KEYS =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("key", DataTypes.BinaryType, false),
              DataTypes.createStructField("pos", DataTypes.LongType, false)));

  private final SparkSession spark;
  private final EngineRun run;

  SparkRun(SparkSession spark, EngineRun run) {
    this.spark = spark;
    this.run = run;
  }

  /** The session settings the outputs need, whatever the session was started with. */
  static void configure(SparkSession spark) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    spark.conf().set("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED");
    spark.conf().set("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED");
    spark.conf().set("spark.sql.parquet.compression.codec", "snappy");
  }

  RunResult execute() {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Phases phases = new Phases();
    configure(spark);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    String country = run.options().country();

    UsersTable users = Locations.readUsers(run.users(), hadoop);
    phases.end("load_users");
    InputPlan plan = InputPlan.of(run.events(), hadoop, this::splitBytes);
    try (StagedOutput out = StagedOutput.open(run.output(), hadoop)) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(hadoop));
      Counted counted = counted(jsc, conf, plan.units());
      List<Unit> units = counted.units();
      long recordsRead = counted.records();
      phases.end("count_records");

      Broadcast<UsersLookup> lookup = jsc.broadcast(new UsersLookup(users, country));
      int partitions = Math.max(1, units.size());
      // The shuffles' width follows the input (a unit is up to 128 MB of events), not the
      // session's default of 200, which on a small input is 200 near-empty tasks per shuffle.
      String shufflePartitions = spark.conf().get(SHUFFLE_PARTITIONS);
      spark
          .conf()
          .set(
              SHUFFLE_PARTITIONS, Integer.toString(Math.max(partitions, jsc.defaultParallelism())));
      JavaRDD<Unit> unitRdd = jsc.parallelize(units, partitions);
      try {
        // Step 4: the first index of every key, in one shuffle; each later index is a duplicate,
        // routed to its unit's partition, sorted.
        JavaPairRDD<Long, Long> duplicates =
            spark
                .createDataFrame(unitRdd.mapPartitions(new Tasks.Keys(conf)), KEYS)
                .withColumn("first", min("pos").over(Window.partitionBy("key")))
                .where(col("pos").notEqual(col("first")))
                .select("pos", "first")
                .javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getLong(0), r.getLong(1)))
                .repartitionAndSortWithinPartitions(new UnitPartitioner(bases(units)));
        write(
            out,
            Output.CLEAN_EVENTS,
            spark.createDataFrame(
                unitRdd.zipPartitions(duplicates, new Tasks.Fates(conf, lookup, true)),
                Schemas.CLEAN_EVENTS));
        phases.end("deduplicate_and_clean_events");
        write(
            out,
            Output.REJECTED_EVENTS,
            spark.createDataFrame(
                unitRdd.zipPartitions(duplicates, new Tasks.Fates(conf, lookup, false)),
                Schemas.REJECTED_EVENTS));
        phases.end("rejected_events");

        // The counts are those of the rows written (read back from the staged files), so the
        // invariant below checks the outputs against the first pass's count of records.
        Dataset<Row> cleanRows = spark.read().parquet(out.staged(Output.CLEAN_EVENTS.fileName()));
        long clean = cleanRows.count();
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        for (Row r :
            spark
                .read()
                .parquet(out.staged(Output.REJECTED_EVENTS.fileName()))
                .groupBy("reason")
                .count()
                .collectAsList()) {
          rejected.put(reason(r.getString(0)), r.getLong(1));
        }
        Dataset<Row> daily =
            cleanRows
                // Both are required columns, never null; Spark reads every Parquet column as
                // nullable, and a non-null coalesce gives the daily summary its REQUIRED columns.
                .where(col("user_id").isNotNull().and(col("event_date").isNotNull()))
                .select(
                    coalesce(col("user_id"), lit("")).as("user_id"),
                    coalesce(col("event_date"), lit(java.time.LocalDate.EPOCH)).as("event_date"))
                .groupBy(col("user_id"), col("event_date"))
                .agg(count(lit(1)).as("event_count"))
                .orderBy(col("user_id"), col("event_date"));
        if (!daily.schema().equals(Schemas.DAILY_SUMMARY)) {
          throw new IllegalStateException(
              "the daily summary's schema is " + daily.schema() + ", not " + Schemas.DAILY_SUMMARY);
        }
        write(out, Output.DAILY_SUMMARY, daily);
        long dailyRows = spark.read().parquet(out.staged(Output.DAILY_SUMMARY.fileName())).count();
        phases.end("daily_summary");

        RunResult result =
            new RunResult(
                recordsRead,
                clean,
                rejected,
                dailyRows,
                users.stats(),
                Path.of(run.output()),
                Duration.ofNanos(System.nanoTime() - start));
        if (!result.invariantHolds()) {
          throw new IllegalStateException(
              "records_read "
                  + recordsRead
                  + " is not clean + rejected "
                  + (clean + result.rejectedTotal())
                  + ": a bug in the Spark engine");
        }
        List<String> warnings = new ArrayList<>();
        if (recordsRead == 0) {
          String w = run.events() + " holds no records; the outputs are written empty";
          LOG.warn(w);
          warnings.add(w);
        }
        List<GateCheck> gates = run.options().qualityGates().check(result);
        List<GateCheck> failed = gates.stream().filter(g -> !g.passed()).toList();
        List<RunReport.OutputFile> outputs = new ArrayList<>();
        outputs.add(output(out, hadoop, Output.CLEAN_EVENTS, clean));
        outputs.add(output(out, hadoop, Output.DAILY_SUMMARY, dailyRows));
        outputs.add(output(out, hadoop, Output.REJECTED_EVENTS, result.rejectedTotal()));
        phases.end("write_report");
        RunReport report =
            new RunReport(
                startedAt,
                failed.isEmpty() ? RunReport.Status.SUCCEEDED : RunReport.Status.GATE_FAILED,
                Version.current(),
                run.options(),
                new RunReport.InputFile(Locations.reported(run.events(), hadoop), plan.bytes()),
                plan.format(),
                plan.gzip(),
                new RunReport.InputFile(
                    Locations.reported(run.users(), hadoop), Locations.size(run.users(), hadoop)),
                result,
                warnings,
                gates,
                phases.list(),
                outputs,
                examples(out),
                dayTotals(out));
        try (OutputStream json =
            out.fileSystem()
                .create(
                    new org.apache.hadoop.fs.Path(out.staged(Output.RUN_REPORT.fileName())),
                    false)) {
          RunReportWriter.write(report, json);
        }
        List<String> published = new ArrayList<>();
        published.add(Output.CLEAN_EVENTS.fileName());
        published.add(Output.DAILY_SUMMARY.fileName());
        published.add(Output.REJECTED_EVENTS.fileName());
        if (run.options().reportHtml()) {
          java.nio.file.Path html = java.nio.file.Files.createTempFile("benefits-etl-", ".html");
          try {
            ReportHtmlWriter.write(report, html);
            out.fileSystem()
                .copyFromLocalFile(
                    new org.apache.hadoop.fs.Path(html.toUri()),
                    new org.apache.hadoop.fs.Path(out.staged(Output.REPORT_HTML.fileName())));
          } finally {
            java.nio.file.Files.deleteIfExists(html);
          }
          published.add(Output.REPORT_HTML.fileName());
        }
        published.add(Output.RUN_REPORT.fileName());
        if (!failed.isEmpty()) {
          throw new QualityGateException(result, failed, out.keepUnpublished());
        }
        out.publish(published);
        return result;
      } finally {
        spark.conf().set(SHUFFLE_PARTITIONS, shufflePartitions);
        lookup.destroy();
        conf.destroy();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "writing to the output directory " + run.output() + " failed: " + e.getMessage(), e);
    }
  }

  /** The units with their run-wide first index and first line, and the records they hold. */
  private record Counted(List<Unit> units, long records) {}

  /** Pass 1: counts each unit's lines and records; a fatal error stops the run here. */
  private static Counted counted(
      JavaSparkContext jsc, Broadcast<HadoopConf> conf, List<Unit> units) {
    if (units.isEmpty()) {
      return new Counted(units, 0);
    }
    List<Tasks.UnitCount> counts =
        jsc.parallelize(units, units.size()).map(new Tasks.Count(conf)).collect();
    for (Tasks.UnitCount c : counts) {
      if (c.fatal() != null) {
        throw c.fatal().exception();
      }
    }
    List<Unit> placed = new ArrayList<>(units.size());
    long base = 0;
    long line = 1;
    String file = null;
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (!u.path().equals(file)) {
        file = u.path();
        line = 1;
      }
      placed.add(u.at(base, line));
      base += counts.get(i).records();
      line += counts.get(i).lines();
    }
    return new Counted(placed, base);
  }

  private static long[] bases(List<Unit> units) {
    if (units.isEmpty()) {
      return new long[] {0};
    }
    long[] bases = new long[units.size()];
    for (int i = 0; i < bases.length; i++) {
      bases[i] = units.get(i).recordBase();
    }
    return bases;
  }

  /** The first rejects of each reason, by record index, for report.html (a few rows each). */
  private Map<RejectReason, List<RejectExample>> examples(StagedOutput out) {
    Map<RejectReason, List<RejectExample>> examples = new EnumMap<>(RejectReason.class);
    Dataset<Row> rejects = spark.read().parquet(out.staged(Output.REJECTED_EVENTS.fileName()));
    List<Row> first =
        rejects
            .withColumn(
                "n", row_number().over(Window.partitionBy("reason").orderBy(col("record_index"))))
            .where(col("n").leq(EXAMPLES))
            .orderBy(col("record_index"))
            .select("record_index", "reason", "detail", "raw_record")
            .collectAsList();
    for (Row r : first) {
      examples
          .computeIfAbsent(reason(r.getString(1)), k -> new ArrayList<>())
          .add(new RejectExample(r.getLong(0), r.getString(2), r.getString(3)));
    }
    return examples;
  }

  /** Clean events per UTC day, for report.html: one count per day, from the daily summary. */
  private DayTotals dayTotals(StagedOutput out) {
    DayTotals totals = new DayTotals();
    for (Row r :
        spark
            .read()
            .parquet(out.staged(Output.DAILY_SUMMARY.fileName()))
            .groupBy(col("event_date"))
            .agg(sum(col("event_count")))
            .collectAsList()) {
      totals.add(epochDay(r.get(0)), r.getLong(1));
    }
    return totals;
  }

  private static int epochDay(Object date) {
    return (int)
        (date instanceof java.time.LocalDate d
            ? d.toEpochDay()
            : ((java.sql.Date) date).toLocalDate().toEpochDay());
  }

  private static RejectReason reason(String code) {
    for (RejectReason r : RejectReason.values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    throw new IllegalStateException("a reject with reason " + code + ": a bug in the Spark engine");
  }

  /** Writes one Parquet output into the staging directory; an empty one as one empty file. */
  private void write(StagedOutput out, Output output, Dataset<Row> rows) {
    String path = out.staged(output.fileName());
    rows.write().option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false").parquet(path);
    if (!out.hasPartFiles(output.fileName())) {
      // Spark writes no part file when every partition is empty; readers need one with the schema.
      spark
          .createDataFrame(List.<Row>of(), rows.schema())
          .coalesce(1)
          .write()
          .mode("overwrite")
          .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
          .parquet(path);
    }
  }

  private RunReport.OutputFile output(
      StagedOutput out, Configuration hadoop, Output output, long rows) {
    Path published = Locations.reported(run.output(), hadoop).resolve(output.fileName());
    return new RunReport.OutputFile(
        output.fileName(), published, rows, out.stagedBytes(output.fileName()));
  }

  /**
   * The NDJSON split size for {@code total} bytes of events: the property {@link #SPLIT_BYTES} if
   * set, else as Spark sizes file splits (every core busy, at most {@code
   * spark.sql.files.maxPartitionBytes}, at least {@code spark.sql.files.openCostInBytes}).
   */
  private long splitBytes(long total) {
    String set = spark.conf().get(SPLIT_BYTES, "");
    if (!set.isEmpty()) {
      long bytes = Long.parseLong(set.strip());
      if (bytes <= 0) {
        throw new IllegalArgumentException(SPLIT_BYTES + " is " + bytes + ", expected more than 0");
      }
      return bytes;
    }
    long max = bytes(spark.conf().get("spark.sql.files.maxPartitionBytes", "128m"));
    long open = bytes(spark.conf().get("spark.sql.files.openCostInBytes", "4m"));
    int cores = Math.max(1, spark.sparkContext().defaultParallelism());
    return Math.min(max, Math.max(open, (total + cores - 1) / cores));
  }

  private static long bytes(String size) {
    return org.apache.spark.network.util.JavaUtils.byteStringAsBytes(size);
  }
}
