package com.benefits.etl.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.benefits.etl.BadInputException;
import com.benefits.etl.EtlPipeline;
import com.benefits.etl.EventsFormat;
import com.benefits.etl.RunResult;
import com.benefits.etl.generate.GeneratedData;
import com.benefits.etl.generate.GeneratorOptions;
import com.benefits.etl.generate.MockDataGenerator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential test on a real multi-process standalone cluster: a Master and two Workers, each
 * a JVM of its own started from the Maven classpath and bound to 127.0.0.1, executors started by
 * the Workers, and this JVM the driver, submitting to {@code spark://127.0.0.1:PORT} with the
 * shaded engine jar ({@code spark.jars}). The Workers' {@code SPARK_HOME} is a stand-in: a {@code
 * RELEASE} file and {@code jars/} linking to the Maven jars, with jackson-core at the version Spark
 * ships (2.21.2) instead of the one this project pins, as on a real cluster: the engine's relocated
 * Jackson is what keeps {@code detail} the same.
 */
class StandaloneClusterIT {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  @TempDir static Path work;
  private static final List<Process> processes = new ArrayList<>();
  private static SparkSession spark;

  @BeforeAll
  static void startCluster() throws Exception {
    Path home = sparkHome(work.resolve("spark-home"));
    Path masterLog = work.resolve("master.log");
    processes.add(
        start(
            home,
            masterLog,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0"));
    String url =
        await(
            masterLog, Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)"));
    for (int w = 1; w <= 2; w++) {
      Path dir = Files.createDirectories(work.resolve("worker-" + w));
      processes.add(
          start(
              home,
              work.resolve("worker-" + w + ".log"),
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              "127.0.0.1",
              "--port",
              "0",
              "--webui-port",
              "0",
              "--cores",
              "1",
              "--memory",
              "1g",
              "--work-dir",
              dir.toString(),
              url));
    }
    awaitCount(masterLog, "Registering worker", 2);
    spark =
        SparkSession.builder()
            .appName("benefits-etl-cluster-it")
            .master(url)
            .config("spark.jars", System.getProperty("etl.spark.jar"))
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.executor.memory", "512m")
            .config("spark.executor.cores", "1")
            .config("spark.cores.max", "2")
            .config("spark.executor.extraJavaOptions", System.getProperty("etl.spark.jvm.options"))
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stopCluster() throws InterruptedException {
    if (spark != null) {
      spark.stop();
    }
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void generatedNdjsonAcrossExecutorsGivesTheEmbeddedEnginesRows(@TempDir Path dir)
      throws IOException {
    GeneratedData data = generate(dir, EventsFormat.NDJSON, false, 11);
    RunResult result = both(data.events(), data.users(), dir, 262_144);
    assertThat(result.recordsRead()).isEqualTo(6_000);
    assertThat(executorsThatRan()).as("executors that ran tasks").isGreaterThanOrEqualTo(2);
  }

  @Test
  void gzippedArrayGivesTheEmbeddedEnginesRows(@TempDir Path dir) throws IOException {
    GeneratedData data = generate(dir, EventsFormat.ARRAY, true, 12);
    assertThat(both(data.events(), data.users(), dir, 0).recordsRead()).isEqualTo(6_000);
  }

  @Test
  void edgeCasesInTinySplitsGiveTheEmbeddedEnginesRows(@TempDir Path dir) throws IOException {
    Path events = Files.write(dir.resolve("edge.ndjson"), EdgeCases.events());
    Path users = Files.writeString(dir.resolve("users.csv"), EdgeCases.USERS);
    both(events, users, dir, 97);
  }

  @Test
  void aTruncatedArrayIsOneFatalErrorWithTheEmbeddedEnginesMessage(@TempDir Path dir)
      throws IOException {
    Path events =
        Files.writeString(
            dir.resolve("events.json"),
            "[{\"user_id\":\"u1\",\"timestamp\":\"2024-01-01T00:00:00Z\"},\n{\"user_id\":");
    Path users = Files.writeString(dir.resolve("users.csv"), EdgeCases.USERS);
    BadInputException expected =
        catchThrowableOfType(
            BadInputException.class,
            () ->
                EtlPipeline.of(SparkDifferentialTest.options(events, users, dir.resolve("e")))
                    .run());
    BadInputException actual =
        catchThrowableOfType(
            BadInputException.class,
            () ->
                LocalSpark.run(
                    spark, SparkDifferentialTest.options(events, users, dir.resolve("s")), 0));
    assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
    assertThat(dir.resolve("s")).doesNotExist();
  }

  private static GeneratedData generate(Path dir, EventsFormat format, boolean gzip, long seed)
      throws IOException {
    return new MockDataGenerator(
            GeneratorOptions.builder(dir.resolve("in"))
                .events(6_000)
                .users(400)
                .seed(seed)
                .format(format)
                .gzip(gzip)
                .build())
        .generate();
  }

  private static RunResult both(Path events, Path users, Path dir, long splitBytes) {
    Path embeddedOut = dir.resolve("embedded");
    Path sparkOut = dir.resolve("spark");
    RunResult embedded =
        EtlPipeline.of(SparkDifferentialTest.options(events, users, embeddedOut)).run();
    RunResult result =
        LocalSpark.run(spark, SparkDifferentialTest.options(events, users, sparkOut), splitBytes);
    assertThat(result.rejected()).isEqualTo(embedded.rejected());
    assertThat(result.cleanEvents()).isEqualTo(embedded.cleanEvents());
    Compare.sameOutputs(embeddedOut, sparkOut);
    return result;
  }

  /** How many distinct executors have run a task so far (the driver is not one). */
  private static long executorsThatRan() {
    return spark.sparkContext().statusTracker().getExecutorInfos().length - 1L;
  }

  /** A SPARK_HOME stand-in: RELEASE and jars/ linking to this classpath's jars, not ours. */
  private static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "Spark (stand-in for the integration tests)\n");
    String sparksJackson = System.getProperty("etl.spark.jackson.jar");
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (!name.endsWith(".jar") || name.startsWith("benefits-etl")) {
        continue;
      }
      if (name.startsWith("jackson-core-") && sparksJackson != null) {
        jar = Path.of(sparksJackson);
        name = jar.getFileName().toString();
      }
      Path link = jars.resolve(name);
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, jar.toAbsolutePath());
      }
    }
    return home;
  }

  private static Process start(Path home, Path log, String main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(System.getProperty("etl.spark.jvm.options").trim().split("\\s+")));
    command.add("-cp");
    command.add(home.resolve("jars") + File.separator + "*");
    command.add(main);
    command.addAll(List.of(args));
    ProcessBuilder b =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().put("SPARK_HOME", home.toString());
    b.environment().put("SPARK_SCALA_VERSION", "2.13");
    b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    b.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return b.start();
  }

  private static String await(Path log, Pattern pattern) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        Matcher m = pattern.matcher(Files.readString(log));
        if (m.find()) {
          return m.group(1);
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no " + pattern + " in " + log + ":\n" + Files.readString(log));
  }

  private static void awaitCount(Path log, String text, int count) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String s = Files.readString(log);
      if (s.split(Pattern.quote(text), -1).length - 1 >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(count + " x '" + text + "' not in " + log);
  }
}
