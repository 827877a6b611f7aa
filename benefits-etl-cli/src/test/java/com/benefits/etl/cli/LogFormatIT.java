package com.benefits.etl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.testing.TestFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --log-format json} in the packaged jar, run as a separate process: every line on stderr is
 * one JSON object, the fatal error line included, and stdout keeps the human summary.
 */
class LogFormatIT {
  private static final JsonFactory JSON = new JsonFactory();

  /** One log line: its top-level scalar fields, and its key-value pairs apart. */
  record Event(Map<String, Object> fields, Map<String, String> pairs) {
    String text(String name) {
      return (String) fields.get(name);
    }
  }

  /** Parses {@code line} as exactly one JSON object, failing on anything else. */
  static Event parse(String line) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, String> pairs = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      assertThat(p.nextToken()).as(line).isEqualTo(JsonToken.START_OBJECT);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("kvpList")) {
          assertThat(value).isEqualTo(JsonToken.START_ARRAY);
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              p.nextToken();
              pairs.put(key, p.getText());
            }
          }
        } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          fields.put(name, value.asString());
          p.skipChildren();
        } else if (value == JsonToken.VALUE_NUMBER_INT) {
          fields.put(name, p.getLongValue());
        } else {
          fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
        }
      }
      assertThat(p.nextToken()).as("nothing after the object in " + line).isNull();
    }
    assertThat(fields)
        .as(line)
        .containsKeys("timestamp", "level", "loggerName", "formattedMessage");
    assertThat(fields.get("timestamp")).as(line).isInstanceOf(Long.class);
    return new Event(fields, pairs);
  }

  static List<Event> events(String stderr) throws IOException {
    List<Event> events = new ArrayList<>();
    for (String line : stderr.lines().toList()) {
      events.add(parse(line));
    }
    return events;
  }

  @Test
  void aRunLogsOneJsonObjectPerLineWithTheStepsFigures(@TempDir Path dir) throws Exception {
    TestFiles.copyResource("e2e/events.json", dir.resolve("raw_events.json"));
    TestFiles.copyResource("e2e/users.csv", dir.resolve("users.csv"));

    PackagedJarIT.Result r = PackagedJarIT.java(dir, "--log-format", "json", "run", "--verbose");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Read 17 records")
        .contains("output/run_report.json")
        .contains("invariant holds");
    List<Event> events = events(r.err());
    assertThat(events)
        .filteredOn(e -> e.text("level").equals("WARN"))
        .extracting(e -> e.text("loggerName"))
        .containsExactly(
            "com.benefits.etl.internal.read.UsersCsvReader",
            "com.benefits.etl.internal.read.UsersCsvReader");
    Event read =
        events.stream()
            .filter(e -> e.pairs().containsKey("records_read"))
            .findFirst()
            .orElseThrow();
    assertThat(read.text("formattedMessage")).isEqualTo("Read 17 records");
    assertThat(read.pairs()).containsEntry("records_read", "17");

    List<Event> steps = events.stream().filter(e -> e.pairs().containsKey("step")).toList();
    assertThat(steps)
        .extracting(e -> e.pairs().get("reason"))
        .containsExactly(
            "malformed_record",
            "missing_user_id",
            "invalid_timestamp",
            "duplicate",
            "unknown_user",
            "filtered_country");
    long remaining = 17;
    for (int i = 0; i < steps.size(); i++) {
      Map<String, String> pairs = steps.get(i).pairs();
      assertThat(pairs).containsEntry("step", Integer.toString(i + 1));
      remaining -= Long.parseLong(pairs.get("rejected"));
      assertThat(pairs).containsEntry("remaining", Long.toString(remaining));
    }
    Event wrote =
        events.stream().filter(e -> e.pairs().containsKey("clean")).findFirst().orElseThrow();
    assertThat(wrote.pairs()).containsEntry("clean", Long.toString(remaining));
  }

  @Test
  void theFatalErrorIsOneJsonObject(@TempDir Path dir) throws Exception {
    PackagedJarIT.Result r =
        PackagedJarIT.java(dir, "run", "--log-format", "json", "--events", "missing.json");

    assertThat(r.status()).isEqualTo(2);
    List<Event> events = events(r.err());
    assertThat(events).hasSize(1);
    Event error = events.get(0);
    assertThat(error.fields())
        .containsEntry("level", "ERROR")
        .containsEntry("loggerName", Main.class.getName())
        .containsEntry("formattedMessage", "missing.json: events file not found")
        .containsEntry("throwable", null);
    assertThat(error.pairs()).containsEntry("exit_status", "2");
  }

  @Test
  void withDebugTheFatalErrorCarriesItsStackTrace(@TempDir Path dir) throws Exception {
    PackagedJarIT.Result r =
        PackagedJarIT.java(dir, "--debug", "--log-format", "json", "inspect", "missing");

    assertThat(r.status()).isEqualTo(2);
    Event error =
        events(r.err()).stream()
            .filter(e -> e.text("level").equals("ERROR"))
            .findFirst()
            .orElseThrow();
    assertThat(error.text("formattedMessage")).isEqualTo("missing: no such file or directory");
    assertThat(error.fields().get("throwable")).isEqualTo("{");
    assertThat(r.err()).contains("\"className\":\"com.benefits.etl.BadInputException\"");
  }

  @Test
  void aUsageErrorIsOneJsonObjectToo(@TempDir Path dir) throws Exception {
    PackagedJarIT.Result r = PackagedJarIT.java(dir, "inspect", "--log-format=JSON", "--rows", "x");

    assertThat(r.status()).isEqualTo(2);
    List<Event> events = events(r.err());
    assertThat(events).hasSize(1);
    assertThat(events.get(0).text("level")).isEqualTo("ERROR");
    assertThat(events.get(0).text("formattedMessage")).contains("--rows").contains("'x'");
  }

  @Test
  void textStaysTheDefault(@TempDir Path dir) throws Exception {
    PackagedJarIT.Result r =
        PackagedJarIT.java(dir, "run", "--log-format", "text", "--events", "missing.json");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("error: missing.json: events file not found" + System.lineSeparator());
  }
}
