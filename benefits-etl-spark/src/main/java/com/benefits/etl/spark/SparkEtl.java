package com.benefits.etl.spark;

import com.benefits.etl.BadInputException;
import com.benefits.etl.EngineRun;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.RejectReason;
import com.benefits.etl.RunResult;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main class for {@code spark-submit}:
 *
 * <pre>
 * spark-submit --class com.benefits.etl.spark.SparkEtl benefits-etl-spark-VERSION.jar \
 *     --events s3a://bucket/events/ --users s3a://bucket/users.csv --output s3a://bucket/out
 * </pre>
 *
 * The options and exit statuses are {@code etl run}'s: 0 success, 2 bad input or usage (one message
 * on stderr), 1 a bug. Locations are anything the cluster's Hadoop file systems read; the events
 * may be a directory or a glob (one run, files in name order).
 */
public final class SparkEtl {
  static final String USAGE =
      "usage: spark-submit --class "
          + SparkEtl.class.getName()
          + " benefits-etl-spark.jar --events LOCATION --users LOCATION --output LOCATION"
          + " [--country CODE]";

  private SparkEtl() {}

  public static void main(String[] args) {
    int status = execute(System.out, System.err, args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs with the active (or a new) session and returns the exit status. */
  static int execute(PrintStream out, PrintStream err, String... args) {
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.containsKey("--help")) {
      out.println(USAGE);
      return 0;
    }
    try {
      PipelineOptions pipeline =
          PipelineOptions.builder()
              .events(Path.of(options.get("--events")))
              .users(Path.of(options.get("--users")))
              .output(Path.of(options.get("--output")))
              .country(options.getOrDefault("--country", "US"))
              .build();
      EngineRun run =
          new EngineRun(
              pipeline,
              options.get("--events"),
              options.get("--users"),
              options.get("--output"),
              Map.of());
      RunResult result =
          Sessions.withSession(Map.of(), spark -> new SparkRun(spark, run).execute());
      summary(out, run, result);
      return 0;
    } catch (BadInputException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
  }

  private static Map<String, String> parse(String[] args) {
    List<String> known = List.of("--events", "--users", "--output", "--country");
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        options.put("--help", "");
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option " + a);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = args[++i];
      }
      options.put(name, value);
    }
    if (!options.containsKey("--help")) {
      for (String required : known.subList(0, 3)) {
        if (!options.containsKey(required)) {
          throw new IllegalArgumentException("missing " + required);
        }
      }
    }
    return options;
  }

  private static void summary(PrintStream out, EngineRun run, RunResult r) {
    out.printf(
        Locale.ROOT,
        "Read %,d records from %s in %.2f s%n",
        r.recordsRead(),
        run.events(),
        r.duration().toNanos() / 1e9);
    out.printf(Locale.ROOT, "  clean events        %,12d%n", r.cleanEvents());
    out.printf(Locale.ROOT, "  rejected            %,12d%n", r.rejectedTotal());
    for (RejectReason reason : RejectReason.values()) {
      out.printf(Locale.ROOT, "    %-18s%,12d%n", reason.code(), r.rejected(reason));
    }
    out.printf(Locale.ROOT, "  daily summary rows  %,12d%n", r.dailySummaryRows());
    out.printf(Locale.ROOT, "  outputs in %s%n", run.output());
  }
}
