package com.benefits.etl.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the DuckDB peer prints on its last line of stdout: counts per outcome ({@code clean}, each
 * reject reason, {@code records_read}, {@code daily_summary_rows}) and DuckDB's settings.
 */
record PeerReport(Map<String, Long> counts, String threads, String memoryLimit, String version) {
  PeerReport {
    counts = Map.copyOf(requireNonNull(counts, "counts is null"));
    requireNonNull(threads, "threads is null");
    requireNonNull(memoryLimit, "memoryLimit is null");
    requireNonNull(version, "version is null");
  }

  static String toJson(
      Map<String, Long> counts, String threads, String memoryLimit, String version) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      g.writeStartObject();
      g.writeObjectFieldStart("counts");
      for (Map.Entry<String, Long> e : new TreeMap<>(counts).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeStringField("threads", threads);
      g.writeStringField("memory_limit", memoryLimit);
      g.writeStringField("version", version);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static PeerReport parse(String stdout) throws java.io.IOException {
    String[] lines = stdout.strip().split("\n");
    Object root = JsonTree.read(lines[lines.length - 1]);
    Map<String, Long> counts = new TreeMap<>();
    ((Map<?, ?>) JsonTree.at(root, "counts")).forEach((k, v) -> counts.put((String) k, (Long) v));
    return new PeerReport(
        counts,
        (String) JsonTree.at(root, "threads"),
        (String) JsonTree.at(root, "memory_limit"),
        (String) JsonTree.at(root, "version"));
  }
}
