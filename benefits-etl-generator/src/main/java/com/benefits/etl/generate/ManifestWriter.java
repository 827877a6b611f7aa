package com.benefits.etl.generate;

import com.benefits.etl.RejectReason;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code manifest.json}: the options used and the exact expected counts. */
final class ManifestWriter {
  private ManifestWriter() {}

  static void write(Path file, GeneratorOptions options, GeneratedData data) throws IOException {
    ExpectedCounts c = data.expected();
    try (JsonGenerator gen = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      gen.useDefaultPrettyPrinter();
      gen.writeStartObject();
      gen.writeStringField("generator", "benefits-etl generate");
      gen.writeNumberField("seed", options.seed());
      gen.writeNumberField("events", options.events());
      gen.writeNumberField("users_requested", options.users());
      gen.writeStringField("format", options.format().name().toLowerCase(java.util.Locale.ROOT));
      gen.writeBooleanField("gzip", options.gzip());
      gen.writeStringField("events_file", data.events().getFileName().toString());
      gen.writeStringField("users_file", data.users().getFileName().toString());
      gen.writeStringField("target_country", "US");
      gen.writeNumberField("records_read", c.recordsRead());
      gen.writeNumberField("clean", c.clean());
      gen.writeObjectFieldStart("rejected");
      for (RejectReason reason : RejectReason.values()) {
        gen.writeNumberField(reason.code(), c.rejected(reason));
      }
      gen.writeEndObject();
      gen.writeNumberField("rejected_total", c.totalRejected());
      gen.writeNumberField("daily_summary_rows", c.dailySummaryRows());
      gen.writeNumberField("blank_lines", c.blankLines());
      gen.writeObjectFieldStart("users");
      gen.writeNumberField("rows", c.users().rows());
      gen.writeNumberField("blank_ids", c.users().blankIds());
      gen.writeNumberField("duplicate_ids", c.users().duplicateIds());
      gen.writeNumberField("invalid_signup_dates", c.users().invalidSignupDates());
      gen.writeNumberField("distinct_users", c.users().distinctUsers());
      gen.writeEndObject();
      gen.writeStringField(
          "invariant",
          "records_read = clean + malformed_record + missing_user_id + invalid_timestamp"
              + " + duplicate + unknown_user + filtered_country");
      gen.writeEndObject();
      gen.writeRaw('\n');
    }
  }
}
