package com.benefits.etl.spark;

import com.benefits.etl.EngineRun;
import com.benefits.etl.PipelineOptions;
import com.benefits.etl.RunResult;
import org.apache.spark.sql.SparkSession;

/** A local[2] session for the tests, and runs of the Spark engine in it. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .appName("benefits-etl-tests")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  /** Runs the Spark engine; {@code splitBytes} 0 keeps the engine's own split size. */
  static RunResult run(SparkSession spark, PipelineOptions options, long splitBytes) {
    if (splitBytes > 0) {
      spark.conf().set(SparkRun.SPLIT_BYTES, Long.toString(splitBytes));
    } else {
      spark.conf().unset(SparkRun.SPLIT_BYTES);
    }
    return new SparkRun(spark, EngineRun.of(options)).execute();
  }
}
