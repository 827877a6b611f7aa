package com.benefits.etl.bench;

import static com.benefits.etl.bench.SpecSql.literal;
import static com.benefits.etl.bench.SpecSql.text;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * The plain DuckDB peer ({@code duckdb-plain}): the pipeline as a data engineer would write it in
 * DuckDB without emulating every corner of docs/spec.md, {@code read_json} with declared columns
 * and {@code read_csv}, a few lines of SQL, {@code COPY ... TO} Snappy Parquet. It shows what the
 * common approach costs; it is NOT a correct implementation of docs/spec.md, and its counts differ
 * from ours on the generated data. What it does differently from docs/spec.md:
 *
 * <ul>
 *   <li>{@code read_json(..., columns = {...}, ignore_errors = true)}: a record whose field does
 *       not fit the declared type (a string {@code value}, a {@code metadata} that is not an
 *       object, an {@code event_type} object, ...) is silently kept with the field nulled or cast
 *       as DuckDB sees fit, instead of being rejected as {@code malformed_record}; there is no
 *       {@code malformed_record} reason at all. A JSON value that is not an object (a number, a
 *       string, null, an array) becomes a row of nulls and is rejected as {@code missing_user_id};
 *       a record DuckDB cannot read at all would be dropped and missing from every output and from
 *       {@code records_read}.
 *   <li>Lenient casts: a {@code user_id} of any JSON type (number with a fraction, boolean, object,
 *       array) becomes text and counts as a user id; a {@code value} given as a numeric string is
 *       cast to a number.
 *   <li>Timestamps: {@code TRY_CAST(timestamp AS TIMESTAMPTZ)}, DuckDB's parser instead of the
 *       profile of docs/spec.md 1.3, anything it cannot cast is {@code invalid_timestamp}. It is
 *       both too lenient (accepts a bare date {@code 2024-03-15}, offsets beyond {@code ±18:00})
 *       and too strict: it rejects shapes docs/spec.md accepts, such as a lowercase {@code t}
 *       separator, a lowercase {@code z} and a comma before the fraction (DuckDB 2.0), so on the
 *       generated data it rejects several times more timestamps than docs/spec.md does, and fewer
 *       events come out clean.
 *   <li>Trimming with {@code trim()} (the space character only, not tabs, line breaks or no-break
 *       spaces), not the Unicode white-space set: padded user ids in the events or the users CSV do
 *       not match, so more events are {@code unknown_user}; repeated JSON keys are resolved however
 *       DuckDB's JSON reader resolves them, not last-key-wins.
 *   <li>Users CSV: header names as DuckDB reads them (no docs/spec.md 1.2 matching of padded or
 *       oddly cased names beyond DuckDB's own), {@code TRY_CAST} for the signup date.
 *   <li>Rejects carry the reason and the record's typed fields, not the {@code detail} text nor the
 *       raw record; clean events are written in whatever order DuckDB produces.
 * </ul>
 *
 * <p>It builds {@code classified} like {@link SpecSql}, so {@link PeerSql#countsQuery()} counts it.
 *
 * @param events the events file (a JSON array)
 * @param users the users CSV
 * @param country the normalised target country
 * @param output the directory the three Parquet files are written into
 */
record PlainSql(Path events, Path users, String country, Path output) implements PeerSql {
  PlainSql {
    requireNonNull(events, "events is null");
    requireNonNull(users, "users is null");
    requireNonNull(country, "country is null");
    requireNonNull(output, "output is null");
  }

  @Override
  public List<String> statements() {
    return List.of(
        """
        CREATE TEMP TABLE users AS
        WITH r AS (
          SELECT row_number() OVER () AS line, trim(user_id) AS user_id,
            TRY_CAST(trim(signup_date) AS DATE) AS signup_date, upper(trim(country)) AS c
          FROM read_csv(%s, header = true, all_varchar = true))
        SELECT user_id, signup_date,
          CASE WHEN c IN ('USA', 'UNITED STATES', 'UNITED STATES OF AMERICA') THEN 'US'
            ELSE nullif(c, '') END AS country
        FROM r WHERE user_id <> ''
        QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY line) = 1"""
            .formatted(literal(users)),
        """
        CREATE TEMP TABLE classified AS
        WITH e AS (
          SELECT row_number() OVER () - 1 AS idx, nullif(trim(user_id), '') AS user_id, event_type,
            "timestamp", TRY_CAST("timestamp" AS TIMESTAMPTZ) AS timestamp_dt, "value",
            struct_extract(metadata, 'device') AS device,
            struct_extract(metadata, 'page') AS page
          FROM read_json(%s, format = 'array', records = true, ignore_errors = true,
            columns = {'user_id': 'VARCHAR', 'event_type': 'VARCHAR', 'timestamp': 'VARCHAR',
              'value': 'DOUBLE', 'metadata': 'STRUCT(device VARCHAR, page VARCHAR)'})),
        d AS (
          SELECT *, row_number() OVER (PARTITION BY user_id, event_type, "timestamp", "value"
            ORDER BY idx) AS dup_rank
          FROM e)
        SELECT d.idx,
          CASE
            WHEN d.user_id IS NULL THEN 'missing_user_id'
            WHEN d.timestamp_dt IS NULL THEN 'invalid_timestamp'
            WHEN d.dup_rank > 1 THEN 'duplicate'
            WHEN u.user_id IS NULL THEN 'unknown_user'
            WHEN u.country IS DISTINCT FROM %s THEN 'filtered_country'
          END AS reason,
          d.user_id, d.event_type, d."timestamp", d.timestamp_dt,
          d.timestamp_dt::DATE AS event_date, d."value", d.device, d.page, u.signup_date,
          u.country
        FROM d LEFT JOIN users u ON u.user_id = d.user_id"""
            .formatted(literal(events), text(country)),
        copy(
            "SELECT user_id, event_type, \"timestamp\", timestamp_dt, event_date, \"value\","
                + " device, page, signup_date, country FROM classified WHERE reason IS NULL",
            "clean_events.parquet"),
        copy(
            "SELECT user_id, event_date, count(*) AS event_count FROM classified"
                + " WHERE reason IS NULL GROUP BY ALL ORDER BY ALL",
            "daily_summary.parquet"),
        copy(
            "SELECT idx AS record_index, reason, user_id, event_type, \"timestamp\", \"value\""
                + " FROM classified WHERE reason IS NOT NULL ORDER BY idx",
            "rejected_events.parquet"));
  }

  private String copy(String query, String file) {
    return "COPY ("
        + query
        + ") TO "
        + literal(output.resolve(file))
        + " (FORMAT parquet, COMPRESSION snappy)";
  }
}
