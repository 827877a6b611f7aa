package com.benefits.etl.bench;

/**
 * The programs the benchmark times, each in its own JVM: the first four always, the two Spark ones
 * with {@code --spark}.
 */
enum Engine {
  /** benefits-etl's {@code run} through {@code bin/etl}, exactly as users start it. */
  OURS("ours"),
  /** {@link DuckDbPeer} with {@link SpecSql}: docs/spec.md as DuckDB SQL, exact on the data. */
  DUCKDB_EXACT("duckdb-exact"),
  /** {@link DuckDbPeer} with {@link PlainSql}: a data engineer's lenient DuckDB pipeline. */
  DUCKDB_PLAIN("duckdb-plain"),
  /** {@link JacksonFloor}: jackson-core tokens only, one thread. */
  PARSE_FLOOR("parse-floor"),
  /** benefits-etl's Spark engine: {@code bin/etl run --engine spark --master local[2]}. */
  OURS_SPARK("ours-spark"),
  /** {@link PlainSparkJob}: a Spark user's hand-written job, lenient, in the same local master. */
  SPARK_PLAIN("spark-plain");

  final String label;

  boolean duckDb() {
    return this == DUCKDB_EXACT || this == DUCKDB_PLAIN;
  }

  boolean spark() {
    return this == OURS_SPARK || this == SPARK_PLAIN;
  }

  Engine(String label) {
    this.label = label;
  }
}
