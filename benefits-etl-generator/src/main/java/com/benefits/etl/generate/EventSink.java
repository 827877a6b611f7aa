package com.benefits.etl.generate;

import com.benefits.etl.EventsFormat;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Streams records to the events file. In the array format every record is one element, one a line;
 * in NDJSON every record is one line, and blank lines and lines that are not JSON can be written
 * between them.
 */
final class EventSink implements Closeable {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final JsonGenerator gen;
  private final EventsFormat format;
  private long records;

  EventSink(OutputStream out, EventsFormat format) throws IOException {
    this.format = format;
    this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    if (format == EventsFormat.ARRAY) {
      gen.setRootValueSeparator(new SerializedString(",\n"));
      gen.writeRaw("[\n");
    } else {
      gen.setRootValueSeparator(null);
    }
  }

  /** One record: any JSON value (a record that is not an object is rejected). */
  void record(Json value) throws IOException {
    JsonWriting.write(gen, value);
    if (format == EventsFormat.NDJSON) {
      gen.writeRaw('\n');
    }
    records++;
  }

  /** One record that is an object. */
  void record(EventDraft draft) throws IOException {
    draft.writeTo(gen);
    if (format == EventsFormat.NDJSON) {
      gen.writeRaw('\n');
    }
    records++;
  }

  /** NDJSON only: one record that is a line of text, not a JSON value. */
  void rawLine(String line) throws IOException {
    requireNdjson();
    gen.writeRaw(line);
    gen.writeRaw('\n');
    records++;
  }

  /** NDJSON only: a line of nothing but whitespace, which is not a record. */
  void blankLine(String whitespace) throws IOException {
    requireNdjson();
    gen.writeRaw(whitespace);
    gen.writeRaw('\n');
  }

  long records() {
    return records;
  }

  private void requireNdjson() {
    if (format != EventsFormat.NDJSON) {
      throw new IllegalStateException("raw lines only in NDJSON");
    }
  }

  @Override
  public void close() throws IOException {
    if (format == EventsFormat.ARRAY) {
      gen.writeRaw(records == 0 ? "]\n" : "\n]\n");
    }
    gen.close();
  }
}
