package com.benefits.etl.bench;

/** The three programs the benchmark times, each in its own JVM. */
enum Engine {
  /** benefits-etl's {@code run} through {@code bin/etl}, exactly as users start it. */
  OURS("ours"),
  /** {@link DuckDbPeer}: the SPEC as DuckDB SQL. */
  DUCKDB("duckdb"),
  /** {@link JacksonFloor}: jackson-core tokens only, one thread. */
  PARSE_FLOOR("parse-floor");

  final String label;

  Engine(String label) {
    this.label = label;
  }
}
