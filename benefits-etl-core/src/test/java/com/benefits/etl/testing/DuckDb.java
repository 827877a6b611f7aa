package com.benefits.etl.testing;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads files back with DuckDB, an independent reader, through a fresh in-memory connection per
 * query whose session time zone is UTC.
 *
 * <p>Values are normalised so that nothing depends on the JVM's default zone (tests run in an
 * irregular-DST one): {@code DATE} becomes {@link LocalDate}, {@code TIMESTAMP} {@link
 * LocalDateTime}, {@code TIMESTAMP WITH TIME ZONE} {@link Instant}, and SQL arrays an unmodifiable
 * {@link List}. Other values are what the DuckDB driver returns ({@code String}, {@code Long},
 * {@code Integer}, {@code Double}, {@code Boolean}, ...); SQL NULL is {@code null}.
 */
public final class DuckDb {

  private DuckDb() {}

  /**
   * Runs a query and returns its rows in order; each row maps column labels to values in select
   * order. {@code ?} placeholders are bound to {@code parameters} in order.
   */
  public static List<Map<String, Object>> query(String sql, Object... parameters) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TimeZone='UTC'");
      }
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          statement.setObject(i + 1, parameters[i]);
        }
        try (ResultSet resultSet = statement.executeQuery()) {
          return rows(resultSet);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB query failed: " + sql, e);
    }
  }

  /** Like {@link #query} for a query that returns exactly one row. */
  public static Map<String, Object> queryOne(String sql, Object... parameters) {
    List<Map<String, Object>> rows = query(sql, parameters);
    if (rows.size() != 1) {
      throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
    }
    return rows.get(0);
  }

  /** The path as a single-quoted SQL string literal, for table functions such as read_parquet. */
  public static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static List<Map<String, Object>> rows(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    int columns = metaData.getColumnCount();
    List<Map<String, Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 1; i <= columns; i++) {
        row.put(metaData.getColumnLabel(i), value(resultSet, i, metaData.getColumnTypeName(i)));
      }
      rows.add(Collections.unmodifiableMap(row));
    }
    return Collections.unmodifiableList(rows);
  }

  private static Object value(ResultSet resultSet, int column, String typeName)
      throws SQLException {
    if (resultSet.getObject(column) == null) {
      return null;
    }
    return switch (typeName) {
      case "DATE" -> resultSet.getObject(column, LocalDate.class);
      case "TIMESTAMP" -> resultSet.getObject(column, LocalDateTime.class);
      case "TIMESTAMP WITH TIME ZONE" ->
          resultSet.getObject(column, OffsetDateTime.class).toInstant();
      default -> {
        Object value = resultSet.getObject(column);
        yield value instanceof Array array
            ? Collections.unmodifiableList(Arrays.asList((Object[]) array.getArray()))
            : value;
      }
    };
  }
}
