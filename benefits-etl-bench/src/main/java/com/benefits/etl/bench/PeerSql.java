package com.benefits.etl.bench;

import java.util.List;

/**
 * The SQL a DuckDB peer runs: statements that build a temp table {@code classified} (one row per
 * record read, with a {@code reason} that is null for a clean event, {@code user_id} and {@code
 * event_date}) and write the Parquet files; {@link #countsQuery()} then counts its outcomes.
 */
interface PeerSql {
  /** The statements, in order; the last ones write the Parquet files. */
  List<String> statements();

  /** Counts per outcome: one row per reason, {@code clean} for the clean events. */
  static String countsQuery() {
    return "SELECT coalesce(reason, 'clean') AS outcome, count(*) AS n FROM classified GROUP BY ALL"
        + " UNION ALL SELECT 'records_read', count(*) FROM classified"
        + " UNION ALL SELECT 'daily_summary_rows', count(*) FROM"
        + " (SELECT DISTINCT user_id, event_date FROM classified WHERE reason IS NULL)";
  }
}
