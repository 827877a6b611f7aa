package com.benefits.etl.bench;

import com.benefits.etl.EventsFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times benefits-etl against DuckDB running docs/spec.md as SQL (exact), DuckDB running a data
 * engineer's plain pipeline (lenient) and a Jackson token-only parse floor, on a cached generated
 * data set: each engine in its own JVM, alternating, several rounds; prints the medians and writes
 * every sample as JSON.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Benchmarks bin/etl run against DuckDB (the contract (docs/spec.md) as SQL, and a plain lenient"
          + " pipeline) and a Jackson parse floor; prints medians, writes results JSON."
          + " Exit 1 if any run fails."
    })
public final class Benchmark implements Callable<Integer> {
  @Option(
      names = "--preset",
      paramLabel = "smoke|full",
      description =
          "smoke: 200k events, 1 round; full: 10M events, 3 rounds (the default)."
              + " --events and --rounds override it.")
  Preset preset = Preset.FULL;

  @Option(names = "--events", paramLabel = "N", description = "Events to generate.")
  Long events;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "Users to generate (default: events / 100, between 1,000 and 1,000,000).")
  Integer users;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--rounds", paramLabel = "N", description = "Runs of each engine.")
  Integer rounds;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      defaultValue = "bench-cache",
      description = "Where generated data sets are kept (default: ${DEFAULT-VALUE}).")
  Path cache;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Results file (default: target/bench/results-<UTC timestamp>.json).")
  Path json;

  @Option(
      names = "--project",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Project root holding bin/etl and target/ (default: the working directory).")
  Path project;

  @Option(
      names = "--duckdb-threads",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "DuckDB threads; 0 keeps DuckDB's default, one per core (default: ${DEFAULT-VALUE}).")
  int duckdbThreads;

  @Option(
      names = "--format",
      paramLabel = "array|ndjson",
      defaultValue = "array",
      description = "Layout of the generated events file (default: ${DEFAULT-VALUE}).")
  EventsFormat format;

  @Option(
      names = "--spark",
      description =
          "Also time the Spark engine (bin/etl run --engine spark) and a plain Spark SQL job,"
              + " both on the --spark-master.")
  boolean spark;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      defaultValue = "local[2]",
      description = "Spark master of the two Spark runs (default: ${DEFAULT-VALUE}).")
  String sparkMaster;

  private final PrintStream log = System.out;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the benchmark and returns its exit status, without exiting the JVM. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Benchmark());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    long n = events != null ? events : preset.events;
    int u = users != null ? users : (int) Math.max(1_000, Math.min(1_000_000, n / 100));
    int r = rounds != null ? rounds : preset.rounds;
    Instant started = Instant.now();
    Launcher launcher = Launcher.of(project);
    launcher.prepare();
    DataSet data = DataSet.ensure(cache, n, u, seed, format, log);
    List<Engine> engines =
        java.util.Arrays.stream(Engine.values())
            .filter(e -> spark || !e.spark())
            // The DuckDB peers and the parse floor read the array layout only.
            .filter(e -> format == EventsFormat.ARRAY || !(e.duckDb() || e == Engine.PARSE_FLOOR))
            .toList();
    PeakRss meter = PeakRss.available();
    Path scratch = Files.createTempDirectory("benefits-bench-");
    List<RunSample> samples = new ArrayList<>();
    Map<String, Long> oursCounts = Map.of();
    Map<String, Long> oursSparkCounts = Map.of();
    Map<Engine, PeerReport> peers = new EnumMap<>(Engine.class);
    try {
      for (int round = 1; round <= r; round++) {
        for (int i = 0; i < engines.size(); i++) {
          Engine engine = engines.get((round - 1 + i) % engines.size());
          Path output = scratch.resolve(engine.label + "-" + round);
          RunSample s =
              ChildProcess.run(
                  engine,
                  round,
                  command(engine, launcher, data, output),
                  environment(engine),
                  meter,
                  scratch);
          log.printf(
              "round %d %-12s exit %d  %8.2f s  %6.0f MB%n",
              round, engine.label, s.exitCode(), s.wallSeconds(), s.peakRssKb() / 1024.0);
          if (s.exitCode() != 0) {
            System.err.printf(
                "%s failed with exit %d:%n%s%n", engine.label, s.exitCode(), s.stderr());
            return 1;
          }
          samples.add(s.withOutputFiles(outputFiles(output)));
          if (engine == Engine.OURS) {
            oursCounts = RunReportCounts.read(output.resolve("run_report.json"));
          } else if (engine == Engine.OURS_SPARK) {
            oursSparkCounts = RunReportCounts.read(output.resolve("run_report.json"));
          } else if (engine == Engine.DUCKDB_EXACT
              || engine == Engine.DUCKDB_PLAIN
              || engine == Engine.SPARK_PLAIN) {
            peers.put(engine, PeerReport.parse(s.stdout()));
          }
          DataSet.deleteTree(output);
        }
      }
    } finally {
      DataSet.deleteTree(scratch);
    }
    Results results =
        new Results(
            started,
            data,
            data.eventsBytes(),
            r,
            launcher.jvmOptions(),
            meter,
            peers.get(Engine.DUCKDB_EXACT),
            peers.get(Engine.DUCKDB_PLAIN),
            oursCounts,
            oursSparkCounts,
            peers.get(Engine.SPARK_PLAIN),
            samples);
    ResultsReport.printTable(results, log);
    Path file =
        json != null
            ? json
            : project.resolve(
                "target/bench/results-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(started)
                    + ".json");
    ResultsReport.writeJson(results, file);
    log.printf("results: %s%n", file.toAbsolutePath().normalize());
    return 0;
  }

  private List<String> command(Engine engine, Launcher launcher, DataSet data, Path output)
      throws IOException {
    Path events = data.eventsFile();
    Path usersFile = data.usersFile();
    return switch (engine) {
      case OURS ->
          List.of(
              launcher.script().toString(),
              "run",
              "--events",
              events.toString(),
              "--users",
              usersFile.toString(),
              "--output",
              output.toString());
      case DUCKDB_EXACT -> duckDb(launcher, "exact", events, usersFile, output);
      case DUCKDB_PLAIN -> duckDb(launcher, "plain", events, usersFile, output);
      case PARSE_FLOOR -> java(launcher, JacksonFloor.class, events.toString());
      case OURS_SPARK ->
          List.of(
              launcher.script().toString(),
              "run",
              "--engine",
              "spark",
              "--master",
              sparkMaster,
              "--events",
              events.toString(),
              "--users",
              usersFile.toString(),
              "--output",
              output.toString());
      case SPARK_PLAIN -> {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.add("-Xmx2g"); // bin/etl's default for --engine spark
        command.addAll(SparkRuntime.jvmOptions(launcher.script()));
        command.addAll(
            List.of(
                "-cp",
                System.getProperty("java.class.path"),
                PlainSparkJob.class.getName(),
                "--events",
                events.toString(),
                "--users",
                usersFile.toString(),
                "--output",
                output.toString(),
                "--master",
                sparkMaster));
        yield command;
      }
    };
  }

  private List<String> duckDb(
      Launcher launcher, String flavour, Path events, Path usersFile, Path output) {
    return java(
        launcher,
        DuckDbPeer.class,
        "--sql",
        flavour,
        "--events",
        events.toString(),
        "--users",
        usersFile.toString(),
        "--output",
        output.toString(),
        "--threads",
        Integer.toString(duckdbThreads));
  }

  /** The non-empty regular files a run left in its output directory, by name. */
  private static List<String> outputFiles(Path output) throws IOException {
    if (!Files.isDirectory(output)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(output)) {
      List<String> names = new ArrayList<>();
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && Files.size(f) > 0) {
          names.add(f.getFileName().toString());
        }
      }
      names.sort(null);
      return names;
    }
  }

  /** {@code java} with bin/etl's default options and this JVM's classpath (test scope). */
  private static List<String> java(Launcher launcher, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(launcher.jvmOptions());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return command;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * bin/etl runs this JVM's java, with its own default options (ETL_JAVA_OPTS unset); for the Spark
   * engine, with the engine jar built beside it and this JVM's Spark jars.
   */
  private Map<String, String> environment(Engine engine) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("ETL_JAVA_OPTS", null);
    env.put("ETL_SPARK_JAVA_OPTS", null);
    if (engine == Engine.OURS_SPARK) {
      env.put("SPARK_HOME", null);
      env.put("ETL_SPARK_JAR", SparkRuntime.engineJar(project).toString());
      env.put("ETL_SPARK_CLASSPATH", SparkRuntime.sparkClasspath());
    }
    return env;
  }
}
