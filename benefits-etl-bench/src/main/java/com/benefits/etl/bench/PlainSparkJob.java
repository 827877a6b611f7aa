package com.benefits.etl.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The plain Spark peer ({@code spark-plain}): the pipeline as a Spark user would write it by hand,
 * {@code spark.read.json} (schema inferred, permissive), {@code spark.read.csv}, a few lines of SQL
 * and {@code write.parquet}. It shows what the common approach costs on Spark; it is NOT a correct
 * implementation of the contract, and its counts differ from ours. What it does differently:
 *
 * <ul>
 *   <li>Spark's JSON reader with declared columns (inferring them fails on the records that repeat
 *       a key), not the contract's steps 1-3: a {@code user_id} of {@code 12.5} becomes the text
 *       {@code "12.5"}, a number too large for a double becomes Infinity, {@code {...} trailing} is
 *       accepted; a line it cannot read is a row of nulls with {@code _corrupt_record} set (counted
 *       as {@code malformed_record}); a field of another type than inferred is nulled or cast as
 *       Spark sees fit. Bytes that are not UTF-8 become U+FFFD.
 *   <li>Timestamps by {@code try_cast(... AS TIMESTAMP)}: Spark's parser, which accepts a bare
 *       date, surrounding spaces and zone names, and rejects {@code -0500}, a lowercase {@code t}
 *       or {@code z} and {@code ,5}.
 *   <li>{@code trim()} (spaces only), {@code upper()}; record order from {@code
 *       monotonically_increasing_id()} (increasing, not contiguous: no {@code record_index}).
 *   <li>Rejects carry the reason and the typed fields, not the contract's {@code detail} and raw
 *       record. Parquet as Spark writes it by default (INT96 timestamps would be written if the
 *       session did not ask for TIMESTAMP_MICROS; it does here, and nothing else).
 * </ul>
 *
 * Prints one JSON line of counts on stdout, like the DuckDB peers.
 */
public final class PlainSparkJob {
  private PlainSparkJob() {}

  public static void main(String[] args) {
    Map<String, String> a = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i], args[i + 1]);
    }
    Path output = Path.of(a.get("--output"));
    SparkSession spark =
        SparkSession.builder()
            .appName("plain-spark")
            .master(a.getOrDefault("--master", "local[2]"))
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
            .getOrCreate();
    try {
      spark
          .read()
          // Declared: inferring fails on records that repeat a key (COLUMN_ALREADY_EXISTS).
          .schema(
              "user_id STRING, event_type STRING, timestamp STRING, value DOUBLE,"
                  + " metadata STRUCT<device: STRING, page: STRING>, _corrupt_record STRING")
          .json(a.get("--events"))
          .selectExpr("*", "monotonically_increasing_id() AS idx")
          .createOrReplaceTempView("raw");
      Dataset<Row> usersCsv = spark.read().option("header", "true").csv(a.get("--users"));
      // The header's names may be padded or oddly cased (" SIGNUP_DATE ").
      usersCsv
          .toDF(
              java.util.Arrays.stream(usersCsv.columns())
                  .map(c -> c.trim().toLowerCase(Locale.ROOT))
                  .toArray(String[]::new))
          .createOrReplaceTempView("users_raw");
      spark
          .sql(
              "SELECT trim(user_id) AS user_id, try_cast(trim(signup_date) AS DATE) AS"
                  + " signup_date, CASE WHEN upper(trim(country)) IN ('USA', 'UNITED STATES',"
                  + " 'UNITED STATES OF AMERICA') THEN 'US' ELSE nullif(upper(trim(country)), '')"
                  + " END AS country FROM (SELECT *, row_number() OVER (PARTITION BY"
                  + " trim(user_id) ORDER BY monotonically_increasing_id()) AS n FROM users_raw)"
                  + " WHERE n = 1 AND trim(user_id) <> ''")
          .createOrReplaceTempView("users");
      spark
          .sql(
              "SELECT idx, "
                  + "_corrupt_record AS corrupt, nullif(trim(CAST(user_id AS STRING)), '') AS user_id,"
                  + " CAST(event_type AS STRING) AS event_type, CAST(timestamp AS STRING) AS"
                  + " timestamp, try_cast(timestamp AS TIMESTAMP) AS timestamp_dt,"
                  + " try_cast(value AS DOUBLE) AS value, metadata.device AS device,"
                  + " metadata.page AS page FROM raw")
          .createOrReplaceTempView("typed");
      spark
          .sql(
              "SELECT t.*, CAST(t.timestamp_dt AS DATE) AS event_date, u.signup_date,"
                  + " u.country, u.user_id AS known, CASE WHEN t.corrupt IS NOT NULL THEN"
                  + " 'malformed_record' WHEN t.user_id IS NULL THEN 'missing_user_id' WHEN"
                  + " t.timestamp_dt IS NULL THEN 'invalid_timestamp' WHEN row_number() OVER"
                  + " (PARTITION BY t.user_id, t.event_type, t.timestamp, t.value ORDER BY t.idx)"
                  + " > 1 THEN 'duplicate' WHEN u.user_id IS NULL THEN 'unknown_user' WHEN"
                  + " u.country IS DISTINCT FROM 'US' THEN 'filtered_country' END AS reason"
                  + " FROM typed t LEFT JOIN users u ON u.user_id = t.user_id")
          .cache()
          .createOrReplaceTempView("classified");
      write(
          spark.sql(
              "SELECT user_id, event_type, timestamp, timestamp_dt, event_date, value, device,"
                  + " page, signup_date, country FROM classified WHERE reason IS NULL ORDER BY"
                  + " idx"),
          output.resolve("clean_events.parquet"));
      write(
          spark.sql(
              "SELECT user_id, event_date, count(*) AS event_count FROM classified WHERE reason"
                  + " IS NULL GROUP BY user_id, event_date ORDER BY user_id, event_date"),
          output.resolve("daily_summary.parquet"));
      write(
          spark.sql(
              "SELECT idx AS record_index, reason, user_id, event_type, timestamp, value FROM"
                  + " classified WHERE reason IS NOT NULL ORDER BY idx"),
          output.resolve("rejected_events.parquet"));
      Map<String, Long> counts = new TreeMap<>();
      for (Row r :
          spark
              .sql("SELECT coalesce(reason, 'clean'), count(*) FROM classified GROUP BY 1")
              .collectAsList()) {
        counts.put(r.getString(0), r.getLong(1));
      }
      counts.put("records_read", spark.table("classified").count());
      counts.put(
          "daily_summary_rows",
          spark.read().parquet(output.resolve("daily_summary.parquet").toString()).count());
      System.out.println(
          PeerReport.toJson(
              counts,
              Integer.toString(spark.sparkContext().defaultParallelism()),
              spark.conf().get("spark.driver.memory", "default").toLowerCase(Locale.ROOT),
              "spark " + spark.version()));
    } finally {
      spark.stop();
    }
  }

  private static void write(Dataset<Row> rows, Path to) {
    rows.write().option("compression", "snappy").parquet(to.toString());
  }
}
