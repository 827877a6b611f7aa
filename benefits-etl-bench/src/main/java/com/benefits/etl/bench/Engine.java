package com.benefits.etl.bench;

/** The four programs the benchmark times, each in its own JVM. */
enum Engine {
  /** benefits-etl's {@code run} through {@code bin/etl}, exactly as users start it. */
  OURS("ours"),
  /** {@link DuckDbPeer} with {@link SpecSql}: docs/spec.md as DuckDB SQL, exact on the data. */
  DUCKDB_EXACT("duckdb-exact"),
  /** {@link DuckDbPeer} with {@link PlainSql}: a data engineer's lenient DuckDB pipeline. */
  DUCKDB_PLAIN("duckdb-plain"),
  /** {@link JacksonFloor}: jackson-core tokens only, one thread. */
  PARSE_FLOOR("parse-floor");

  final String label;

  Engine(String label) {
    this.label = label;
  }
}
