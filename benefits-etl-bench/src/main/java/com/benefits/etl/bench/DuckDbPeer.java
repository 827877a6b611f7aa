package com.benefits.etl.bench;

import com.benefits.etl.internal.rules.Countries;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The DuckDB peers of the benchmark, each run in its own JVM: executes {@link SpecSql}
 * (docs/spec.md exactly, {@code --sql exact}) or {@link PlainSql} (a data engineer's plain
 * pipeline, {@code --sql plain}) through DuckDB JDBC in an in-memory database and prints one line
 * of JSON with the counts per outcome and the settings DuckDB ran with.
 */
@Command(
    name = "duckdb-peer",
    mixinStandardHelpOptions = true,
    description = "Runs the pipeline as DuckDB SQL and prints the counts as JSON.")
public final class DuckDbPeer implements Callable<Integer> {
  /** Which SQL to run. */
  enum Flavour {
    EXACT,
    PLAIN
  }

  @Option(
      names = "--sql",
      defaultValue = "exact",
      paramLabel = "exact|plain",
      description =
          "exact: the contract (docs/spec.md) as SQL; plain: a data engineer's lenient pipeline"
              + " (default: ${DEFAULT-VALUE}).")
  Flavour flavour;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE",
      description = "JSON array of events.")
  Path events;

  @Option(names = "--users", required = true, paramLabel = "FILE", description = "Users CSV.")
  Path users;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output directory.")
  Path output;

  @Option(
      names = "--country",
      defaultValue = "US",
      paramLabel = "CODE",
      description = "Target country (default: ${DEFAULT-VALUE}).")
  String country;

  @Option(
      names = "--threads",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "DuckDB threads; 0 keeps DuckDB's default, one per core (default: ${DEFAULT-VALUE}).")
  int threads;

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new DuckDbPeer()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(output);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      if (threads > 0) {
        statement.execute("SET threads = " + threads);
      }
      PeerSql sql =
          switch (flavour) {
            case EXACT ->
                new SpecSql(
                    events, users, usersColumns(statement), Countries.normalize(country), output);
            case PLAIN -> new PlainSql(events, users, Countries.normalize(country), output);
          };
      for (String s : sql.statements()) {
        statement.execute(s);
      }
      Map<String, Long> counts = new TreeMap<>();
      try (ResultSet rs = statement.executeQuery(PeerSql.countsQuery())) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
      PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
      out.println(
          PeerReport.toJson(
              counts,
              setting(statement, "threads"),
              setting(statement, "memory_limit"),
              setting(statement, "version")));
    }
    return 0;
  }

  /**
   * docs/spec.md 1.2's header matching: trimmed, any case, any order; DuckDB already trims names.
   */
  private SpecSql.UsersColumns usersColumns(Statement statement) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs =
        statement.executeQuery(
            "DESCRIBE SELECT * FROM read_csv("
                + SpecSql.literal(users)
                + ", header = true, all_varchar = true)")) {
      while (rs.next()) {
        names.add(rs.getString("column_name"));
      }
    }
    return new SpecSql.UsersColumns(
        column(names, "user_id"), column(names, "signup_date"), column(names, "country"));
  }

  private String column(List<String> names, String wanted) {
    return names.stream()
        .filter(n -> n.strip().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(users + ": no " + wanted + " column"));
  }

  private static String setting(Statement statement, String name) throws SQLException {
    String query =
        name.equals("version")
            ? "SELECT version()"
            : "SELECT current_setting(" + SpecSql.text(name) + ")::VARCHAR";
    try (ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
