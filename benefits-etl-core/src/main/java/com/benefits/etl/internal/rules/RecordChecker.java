package com.benefits.etl.internal.rules;

import com.benefits.etl.internal.model.CheckedRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Steps 1–3 of docs/spec.md, section 2 for one JSON value read with Jackson: this class only
 * collects the fields' kinds and texts into {@link RecordFields}, and {@link RecordValidator}
 * decides, as it does for {@link ByteRecordChecker}. Any engine that can hand it a Jackson parser
 * positioned on a record can use it; it knows nothing of files or writers.
 */
public final class RecordChecker {
  private RecordChecker() {}

  /**
   * Checks the JSON value whose first token is the parser's current token, and leaves the parser on
   * that value's last token.
   *
   * @throws IOException when the JSON itself is not well-formed (the caller decides whether that is
   *     fatal, as in an array, or a malformed record, as on an NDJSON line)
   */
  public static CheckedRecord check(JsonParser p) throws IOException {
    RecordFields f = new RecordFields();
    f.clear(null);
    JsonToken start = p.currentToken();
    if (start != JsonToken.START_OBJECT) {
      field(p, start, f, RecordFields.RECORD);
      p.skipChildren();
      return RecordValidator.decide(f);
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int field = RecordFields.topLevel(p.currentName());
      JsonToken t = p.nextToken();
      if (field != RecordFields.OTHER) {
        field(p, t, f, field);
      }
      if (field == RecordFields.METADATA && t == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          int inner = RecordFields.inMetadata(p.currentName());
          JsonToken v = p.nextToken();
          if (inner != RecordFields.OTHER) {
            field(p, v, f, inner);
          }
          p.skipChildren();
        }
      } else {
        p.skipChildren();
      }
    }
    return RecordValidator.decide(f);
  }

  /** Notes the kind and text of the value at the parser's current token {@code t}. */
  private static void field(JsonParser p, JsonToken t, RecordFields f, int field)
      throws IOException {
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY || t == JsonToken.VALUE_NULL) {
      f.set(field, t, null);
      return;
    }
    f.set(field, t, p.getText());
    if (field == RecordFields.VALUE
        && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
      f.setValue(p.getDoubleValue());
    }
  }
}
