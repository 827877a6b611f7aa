package com.benefits.etl.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The pipeline of docs/spec.md as DuckDB SQL, statement by statement: read the JSON array and the
 * users CSV, classify every record in the order of the steps (docs/spec.md, section 2), then {@code
 * COPY} the clean events, the daily summary and the rejects, each through a table typed as in
 * docs/spec.md, section 3, to Snappy Parquet. What SQL cannot say exactly is listed in
 * docs/performance.md ("The DuckDB peers and the contract").
 *
 * @param events the events file (a JSON array)
 * @param users the users CSV
 * @param columns the users CSV's header names for user_id, signup_date and country, as DuckDB
 *     reports them (matched by the caller, as docs/spec.md 1.2 says: trimmed, any case, any order)
 * @param country the normalised target country
 * @param output the directory the three Parquet files are written into
 */
record SpecSql(Path events, Path users, UsersColumns columns, String country, Path output)
    implements PeerSql {

  /** The users CSV's header names of the three columns the pipeline uses. */
  record UsersColumns(String userId, String signupDate, String country) {
    UsersColumns {
      requireNonNull(userId, "userId is null");
      requireNonNull(signupDate, "signupDate is null");
      requireNonNull(country, "country is null");
    }
  }

  SpecSql {
    requireNonNull(events, "events is null");
    requireNonNull(users, "users is null");
    requireNonNull(columns, "columns is null");
    requireNonNull(country, "country is null");
    requireNonNull(output, "output is null");
  }

  /**
   * Shape of docs/spec.md 1.3, with groups: year, month, day, hour, minute, second, fraction, sign,
   * offset hh, mm.
   */
  static final String TIMESTAMP_SHAPE =
      "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2})"
          + "(?::([0-9]{2})(?:[.,]([0-9]{1,9}))?)?(?:[Zz]|([+-])([0-9]{2})(?::?([0-9]{2}))?)?";

  static final long MICROS_PER_DAY = 86_400_000_000L;

  /** The statements, in order; the last ones write the three files. */
  @Override
  public List<String> statements() {
    return Stream.concat(
            macros().stream(),
            Stream.of(
                "CREATE TEMP TABLE raw AS SELECT row_number() OVER () - 1 AS idx, json AS j"
                    + " FROM read_json_objects("
                    + literal(events)
                    + ", format = 'array')",
                fields(),
                checked(),
                usersTable(),
                classified(),
                "CREATE TEMP TABLE clean_out (user_id VARCHAR NOT NULL, event_type VARCHAR,"
                    + " \"timestamp\" VARCHAR NOT NULL, timestamp_dt TIMESTAMPTZ NOT NULL,"
                    + " event_date DATE NOT NULL, \"value\" DOUBLE, device VARCHAR, page VARCHAR,"
                    + " signup_date DATE, country VARCHAR NOT NULL)",
                "INSERT INTO clean_out SELECT user_id, event_type, \"timestamp\", timestamp_dt, event_date,"
                    + " \"value\", device, page, signup_date, country FROM classified WHERE reason IS NULL"
                    + " ORDER BY idx",
                copy("clean_out", "clean_events.parquet"),
                "CREATE TEMP TABLE daily_out (user_id VARCHAR NOT NULL, event_date DATE NOT NULL,"
                    + " event_count BIGINT NOT NULL)",
                "INSERT INTO daily_out SELECT user_id, event_date, count(*) FROM classified"
                    + " WHERE reason IS NULL GROUP BY user_id, event_date ORDER BY user_id, event_date",
                copy("daily_out", "daily_summary.parquet"),
                "CREATE TEMP TABLE rejected_out (record_index BIGINT NOT NULL, reason VARCHAR NOT NULL,"
                    + " detail VARCHAR NOT NULL, raw_record VARCHAR NOT NULL)",
                "INSERT INTO rejected_out SELECT idx, reason, detail, j::VARCHAR FROM classified"
                    + " WHERE reason IS NOT NULL ORDER BY idx",
                copy("rejected_out", "rejected_events.parquet")))
        .toList();
  }

  private static List<String> macros() {
    // The pipeline trims the Unicode White_Space property; all of it is in the BMP.
    java.util.regex.Pattern white = java.util.regex.Pattern.compile("\\p{IsWhite_Space}");
    String whitespace =
        IntStream.range(0, 0x10000)
            .filter(c -> white.matcher(String.valueOf((char) c)).matches())
            .mapToObj(c -> "chr(" + c + ")")
            .collect(Collectors.joining(" || "));
    return List.of(
        "CREATE MACRO ws_trim(s) AS trim(s, " + whitespace + ")",
        "CREATE MACRO last_pos(keys, k) AS CASE WHEN list_contains(keys, k)"
            + " THEN len(keys) + 1 - list_position(list_reverse(keys), k) END",
        "CREATE MACRO last_field(keys, vals, k) AS vals[last_pos(keys, k)]",
        "CREATE MACRO type_or_absent(v) AS coalesce(json_type(v), 'ABSENT')");
  }

  /** Each record's fields; a repeated key's last value wins (docs/spec.md 1.1). */
  private static String fields() {
    return """
        CREATE TEMP TABLE fields AS
        WITH o AS (
          SELECT idx, j, json_type(j) AS jt,
            CASE WHEN json_type(j) = 'OBJECT' THEN json_keys(j) END AS keys,
            CASE WHEN json_type(j) = 'OBJECT' THEN j->'$.*' END AS vals
          FROM raw),
        f AS (
          SELECT idx, j, jt,
            last_field(keys, vals, 'user_id') AS uid,
            last_field(keys, vals, 'event_type') AS et,
            last_field(keys, vals, 'timestamp') AS ts,
            last_field(keys, vals, 'value') AS val,
            last_field(keys, vals, 'metadata') AS md
          FROM o),
        m AS (
          SELECT *,
            CASE WHEN json_type(md) = 'OBJECT' THEN json_keys(md) END AS mkeys,
            CASE WHEN json_type(md) = 'OBJECT' THEN md->'$.*' END AS mvals
          FROM f)
        SELECT idx, j, jt,
          type_or_absent(uid) AS uid_t, uid->>'$' AS uid_text,
          type_or_absent(et) AS et_t, et->>'$' AS event_type,
          type_or_absent(ts) AS ts_t, ts->>'$' AS ts_text,
          type_or_absent(val) AS val_t, TRY_CAST(val AS DOUBLE) AS val_d,
          type_or_absent(md) AS md_t,
          type_or_absent(last_field(mkeys, mvals, 'device')) AS dev_t,
          last_field(mkeys, mvals, 'device')->>'$' AS device,
          type_or_absent(last_field(mkeys, mvals, 'page')) AS page_t,
          last_field(mkeys, mvals, 'page')->>'$' AS page
        FROM m""";
  }

  /** Steps 1–3 and the timestamp's instant (docs/spec.md 1.3, checked field by field). */
  private static String checked() {
    String min = "(DATE '0001-01-01' - DATE '1970-01-01') * " + MICROS_PER_DAY;
    String max = "(DATE '9999-12-31' - DATE '1970-01-01' + 1) * " + MICROS_PER_DAY + " - 1";
    return """
        CREATE TEMP TABLE checked AS
        WITH p AS (
          SELECT *,
            CASE WHEN ts_t = 'VARCHAR' AND regexp_full_match(ts_text, '%1$s')
              THEN regexp_extract(ts_text, '%1$s',
                ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'sg', 'oh', 'om']) END AS tp
          FROM fields),
        t AS (
          SELECT *,
            CASE WHEN tp IS NOT NULL
                AND tp.y::INT >= 1
                AND TRY_CAST(tp.y || '-' || tp.mo || '-' || tp.d AS DATE) IS NOT NULL
                AND tp.h::INT <= 23 AND tp.mi::INT <= 59
                AND (tp.s = '' OR tp.s::INT <= 59)
                AND (tp.oh = '' OR tp.oh::INT * 60 + coalesce(nullif(tp.om, '')::INT, 0) <= 1080)
                AND (tp.om = '' OR tp.om::INT <= 59)
              THEN (CAST(tp.y || '-' || tp.mo || '-' || tp.d AS DATE) - DATE '1970-01-01') * %2$d
                + tp.h::BIGINT * 3600000000 + tp.mi::BIGINT * 60000000
                + coalesce(nullif(tp.s, '')::BIGINT, 0) * 1000000
                + coalesce(nullif(rpad(left(tp.f, 6), 6, '0'), '000000')::BIGINT, 0)
                - CASE tp.sg WHEN '+' THEN 1 WHEN '-' THEN -1 ELSE 0 END
                  * (coalesce(nullif(tp.oh, '')::BIGINT, 0) * 3600
                     + coalesce(nullif(tp.om, '')::BIGINT, 0) * 60) * 1000000
            END AS micros
          FROM p)
        SELECT idx, j,
          CASE
            WHEN jt <> 'OBJECT' THEN 'malformed_record'
            WHEN et_t NOT IN ('VARCHAR', 'NULL', 'ABSENT') THEN 'malformed_record'
            WHEN val_t NOT IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'NULL', 'ABSENT') OR isinf(val_d)
              THEN 'malformed_record'
            WHEN md_t NOT IN ('OBJECT', 'NULL', 'ABSENT') THEN 'malformed_record'
            WHEN dev_t NOT IN ('VARCHAR', 'NULL', 'ABSENT') THEN 'malformed_record'
            WHEN page_t NOT IN ('VARCHAR', 'NULL', 'ABSENT') THEN 'malformed_record'
            WHEN uid_t NOT IN ('VARCHAR', 'BIGINT', 'UBIGINT') THEN 'missing_user_id'
            WHEN uid_t = 'VARCHAR' AND ws_trim(uid_text) = '' THEN 'missing_user_id'
            WHEN micros IS NULL OR micros NOT BETWEEN %3$s AND %4$s THEN 'invalid_timestamp'
          END AS reason,
          CASE
            WHEN jt <> 'OBJECT' THEN 'the record is ' || lower(jt) || ', expected a JSON object'
            WHEN et_t NOT IN ('VARCHAR', 'NULL', 'ABSENT')
              THEN 'event_type is ' || lower(et_t) || ', expected a string or null'
            WHEN val_t NOT IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'NULL', 'ABSENT') OR isinf(val_d)
              THEN 'value is ' || lower(val_t) || ', expected a number or null'
            WHEN md_t NOT IN ('OBJECT', 'NULL', 'ABSENT')
              THEN 'metadata is ' || lower(md_t) || ', expected an object or null'
            WHEN dev_t NOT IN ('VARCHAR', 'NULL', 'ABSENT')
              THEN 'metadata.device is ' || lower(dev_t) || ', expected a string or null'
            WHEN page_t NOT IN ('VARCHAR', 'NULL', 'ABSENT')
              THEN 'metadata.page is ' || lower(page_t) || ', expected a string or null'
            WHEN uid_t NOT IN ('VARCHAR', 'BIGINT', 'UBIGINT') OR ws_trim(uid_text) = ''
              THEN 'user_id is ' || lower(uid_t) || ', expected a non-blank string or an integer'
            WHEN micros IS NULL OR micros NOT BETWEEN %3$s AND %4$s
              THEN 'timestamp ' || coalesce('"' || left(ts_text, 80) || '"', lower(ts_t))
                || ' is not a valid ISO 8601 timestamp'
          END AS detail,
          CASE WHEN uid_t = 'VARCHAR' THEN ws_trim(uid_text) ELSE uid_text END AS user_id,
          event_type, ts_text AS "timestamp", micros, val_d AS "value", device, page
        FROM t"""
        .formatted(TIMESTAMP_SHAPE, MICROS_PER_DAY, min, max);
  }

  /** Users: trimmed ids, blank ids skipped, first row wins, dates and countries normalised. */
  private String usersTable() {
    return """
        CREATE TEMP TABLE users AS
        WITH r AS (
          SELECT row_number() OVER () AS line, ws_trim(%2$s) AS user_id,
            ws_trim(%3$s) AS sd, ws_trim(%4$s) AS c
          FROM read_csv(%1$s, header = true, all_varchar = true, quote = '"', escape = '"',
            delim = ','))
        SELECT user_id,
          CASE WHEN regexp_full_match(sd, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND left(sd, 4) <> '0000'
            THEN TRY_CAST(sd AS DATE) END AS signup_date,
          CASE WHEN upper(c) IN ('USA', 'UNITED STATES', 'UNITED STATES OF AMERICA') THEN 'US'
            ELSE nullif(upper(c), '') END AS country
        FROM r WHERE user_id IS NOT NULL AND user_id <> ''
        QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY line) = 1"""
        .formatted(
            literal(users),
            identifier(columns.userId()),
            identifier(columns.signupDate()),
            identifier(columns.country()));
  }

  /** Steps 4–6 on the records that passed 1–3, and the output columns. */
  private String classified() {
    return """
        CREATE TEMP TABLE classified AS
        WITH d AS (
          SELECT *,
            CASE WHEN reason IS NULL THEN row_number() OVER w END AS dup_rank,
            CASE WHEN reason IS NULL THEN first_value(idx) OVER w END AS first_idx
          FROM checked
          WINDOW w AS (PARTITION BY reason IS NULL, user_id, event_type, "timestamp", "value" + 0.0
            ORDER BY idx))
        SELECT d.idx, d.j,
          CASE
            WHEN d.reason IS NOT NULL THEN d.reason
            WHEN dup_rank > 1 THEN 'duplicate'
            WHEN u.user_id IS NULL THEN 'unknown_user'
            WHEN u.country IS DISTINCT FROM %1$s THEN 'filtered_country'
          END AS reason,
          CASE
            WHEN d.reason IS NOT NULL THEN d.detail
            WHEN dup_rank > 1 THEN 'duplicate of record ' || first_idx
            WHEN u.user_id IS NULL THEN 'user_id "' || d.user_id || '" is not in the users table'
            WHEN u.country IS DISTINCT FROM %1$s
              THEN 'the user''s country is ' || coalesce(u.country, 'blank') || ', not ' || %1$s
          END AS detail,
          d.user_id, d.event_type, d."timestamp",
          make_timestamp(d.micros)::TIMESTAMPTZ AS timestamp_dt,
          make_timestamp(d.micros)::DATE AS event_date,
          d."value", d.device, d.page, u.signup_date, u.country
        FROM d LEFT JOIN users u ON d.reason IS NULL AND u.user_id = d.user_id"""
        .formatted(text(country));
  }

  /** Tables, not queries, are copied: DuckDB writes a NOT NULL column as REQUIRED. */
  private String copy(String table, String file) {
    return "COPY "
        + table
        + " TO "
        + literal(output.resolve(file))
        + " (FORMAT parquet, COMPRESSION snappy)";
  }

  static String literal(Path path) {
    return text(path.toAbsolutePath().toString());
  }

  static String text(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
