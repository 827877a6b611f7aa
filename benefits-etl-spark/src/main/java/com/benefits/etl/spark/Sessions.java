package com.benefits.etl.spark;

import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/** Starting and stopping the Spark session of a run. */
final class Sessions {
  private Sessions() {}

  /**
   * Runs {@code work} in a session with {@code settings}: the active one if there is one (it is
   * left running), else a new one, stopped afterwards. A local master binds to 127.0.0.1 and starts
   * no web UI.
   */
  static <T> T withSession(Map<String, String> settings, Function<SparkSession, T> work) {
    if (SparkSession.getActiveSession().isDefined()) {
      return work.apply(SparkSession.getActiveSession().get());
    }
    SparkSession.Builder builder = SparkSession.builder().appName("benefits-etl");
    String master = settings.get("spark.master");
    if (master != null && master.startsWith("local")) {
      builder
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    }
    settings.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    try {
      return work.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
