package com.benefits.etl.spark;

import com.benefits.etl.EngineRun;
import com.benefits.etl.EtlEngine;
import com.benefits.etl.RunResult;
import java.util.Map;
import java.util.Optional;

/**
 * The Spark engine as an {@link EtlEngine} ({@code etl run --engine spark}): starts a Spark session
 * with the run's settings (Spark properties; {@code spark.master} defaults to {@code local[*]}),
 * runs {@link SparkRun} and stops the session it started. Loads no Spark class until it runs, so
 * that without Spark on the classpath it can still say what is missing.
 */
public final class SparkEngine implements EtlEngine {
  static final String NAME = "spark";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> unavailable() {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, getClass().getClassLoader());
      return Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.of(
          "Spark is not on the classpath: set SPARK_HOME to a Spark 4 installation for Scala 2.13"
              + " (bin/etl then adds its jars), or submit the benefits-etl-spark jar with"
              + " spark-submit (see docs/spark.md)");
    }
  }

  @Override
  public RunResult run(EngineRun run) {
    for (String key : run.settings().keySet()) {
      if (!key.startsWith("spark.")) {
        throw new IllegalArgumentException(
            "the spark engine takes Spark properties (spark.*), not " + key);
      }
    }
    return Sessions.withSession(
        settings(run.settings()), spark -> new SparkRun(spark, run).execute());
  }

  /** The run's settings, with a local master unless one is given. */
  static Map<String, String> settings(Map<String, String> given) {
    if (given.containsKey("spark.master")) {
      return given;
    }
    java.util.HashMap<String, String> all = new java.util.HashMap<>(given);
    all.put("spark.master", "local[*]");
    return Map.copyOf(all);
  }
}
