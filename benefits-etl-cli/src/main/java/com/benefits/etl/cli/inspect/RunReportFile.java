package com.benefits.etl.cli.inspect;

import com.benefits.etl.BadInputException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code run_report.json} read as a flat map from paths such as {@code counts/records_read} or
 * {@code outputs/clean_events.parquet/rows} (array items by index) to their scalar values as text,
 * and told in one line. Fields a report lacks are left out of the line, so reports of older and
 * newer builds both read.
 */
final class RunReportFile {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final Map<String, String> values;

  private RunReportFile(Path file, Map<String, String> values) {
    this.file = file;
    this.values = values;
  }

  static RunReportFile read(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadInputException(file, "not a JSON object");
      }
      Deque<String> path = new ArrayDeque<>();
      Deque<Integer> indexes = new ArrayDeque<>();
      indexes.push(-1);
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case FIELD_NAME -> path.addLast(p.currentName());
          case START_OBJECT, START_ARRAY -> {
            nextItem(path, indexes);
            indexes.push(t == JsonToken.START_ARRAY ? 0 : -1);
          }
          case END_OBJECT, END_ARRAY -> {
            indexes.pop();
            if (!indexes.isEmpty()) {
              endValue(path, indexes);
            }
          }
          default -> {
            nextItem(path, indexes);
            values.put(String.join("/", path), t == JsonToken.VALUE_NULL ? "null" : p.getText());
            endValue(path, indexes);
          }
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new BadInputException(
          file,
          at == null ? -1 : at.getLineNr(),
          at == null ? -1 : at.getColumnNr(),
          "not valid JSON: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
    }
    return new RunReportFile(file, values);
  }

  /** In an array, the item's index becomes the last element of the path. */
  private static void nextItem(Deque<String> path, Deque<Integer> indexes) {
    if (indexes.peek() >= 0) {
      path.addLast(Integer.toString(indexes.peek()));
    }
  }

  private static void endValue(Deque<String> path, Deque<Integer> indexes) {
    if (indexes.peek() >= 0) {
      indexes.push(indexes.pop() + 1);
    }
    if (!path.isEmpty()) {
      path.removeLast();
    }
  }

  Path file() {
    return file;
  }

  Optional<String> text(String path) {
    return Optional.ofNullable(values.get(path));
  }

  OptionalLong number(String path) {
    String v = values.get(path);
    if (v != null) {
      try {
        return OptionalLong.of(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /**
   * {@code status succeeded; started 2026-01-01T00:00:00Z, took 1.25 s; 5,000 records read: 3,521
   * clean, 1,479 rejected; invariant holds; version 0.1.0 (commit 1a2b3c4d5e)}.
   */
  String summary() {
    StringBuilder b = new StringBuilder();
    text("status").ifPresent(s -> append(b, "status " + s));
    Optional<String> started = text("started_at");
    OptionalLong millis = number("duration_ms");
    String took =
        millis.isPresent()
            ? String.format(Locale.ROOT, "took %.2f s", millis.getAsLong() / 1e3)
            : "";
    if (started.isPresent()) {
      append(b, "started " + started.get() + (took.isEmpty() ? "" : ", " + took));
    } else if (!took.isEmpty()) {
      append(b, took);
    }
    number("counts/records_read")
        .ifPresent(n -> append(b, String.format(Locale.ROOT, "%,d records read", n)));
    OptionalLong clean = number("counts/clean");
    OptionalLong rejected = number("counts/rejected_total");
    if (clean.isPresent() && rejected.isPresent()) {
      b.append(
          String.format(
              Locale.ROOT, ": %,d clean, %,d rejected", clean.getAsLong(), rejected.getAsLong()));
    }
    text("invariant/holds")
        .ifPresent(
            h -> append(b, "true".equals(h) ? "invariant holds" : "INVARIANT DOES NOT HOLD"));
    version().ifPresent(v -> append(b, "version " + v));
    return b.length() == 0 ? "no counts in it" : b.toString();
  }

  /** {@code version} as a string, or {@code version/version} and {@code version/commit}. */
  private Optional<String> version() {
    Optional<String> plain = text("version");
    if (plain.isPresent()) {
      return plain;
    }
    return text("version/version")
        .map(v -> text("version/commit").map(c -> v + " (commit " + c + ")").orElse(v));
  }

  private static void append(StringBuilder b, String part) {
    if (b.length() > 0) {
      b.append("; ");
    }
    b.append(part);
  }
}
