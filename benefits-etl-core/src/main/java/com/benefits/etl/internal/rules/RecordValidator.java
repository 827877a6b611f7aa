package com.benefits.etl.internal.rules;

import static com.benefits.etl.internal.rules.RecordFields.DEVICE;
import static com.benefits.etl.internal.rules.RecordFields.EVENT_TYPE;
import static com.benefits.etl.internal.rules.RecordFields.METADATA;
import static com.benefits.etl.internal.rules.RecordFields.PAGE;
import static com.benefits.etl.internal.rules.RecordFields.RECORD;
import static com.benefits.etl.internal.rules.RecordFields.TIMESTAMP;
import static com.benefits.etl.internal.rules.RecordFields.USER_ID;
import static com.benefits.etl.internal.rules.RecordFields.VALUE;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.model.ValidEvent;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Steps 1–3 of docs/spec.md, section 2, the one place they are written: is the record an object
 * whose fields have accepted types (docs/spec.md 1.1), does it have a user id, and is its timestamp
 * valid. It decides from the {@link RecordFields} either scanner filled, after the whole record was
 * read, so the first reason in the order of the steps wins and a repeated key's last value is the
 * one checked. The rejection details are written here too.
 */
public final class RecordValidator {
  private RecordValidator() {}

  /** The outcome of steps 1–3 for the record whose fields {@code f} holds. */
  static CheckedRecord decide(RecordFields f) {
    if (f.kind(RECORD) != null) {
      return CheckedRecord.rejected(
          RejectReason.MALFORMED_RECORD,
          "the record is " + shown(f, RECORD) + ", expected a JSON object");
    }
    // Step 1: the types of the optional fields, in this order.
    String problem = stringOrNullProblem(f, EVENT_TYPE);
    if (problem == null) {
      problem = valueProblem(f);
    }
    if (problem == null) {
      problem = metadataProblem(f);
    }
    if (problem == null) {
      problem = stringOrNullProblem(f, DEVICE);
    }
    if (problem == null) {
      problem = stringOrNullProblem(f, PAGE);
    }
    if (problem != null) {
      return CheckedRecord.rejected(RejectReason.MALFORMED_RECORD, problem);
    }
    // Step 2: the user id.
    JsonToken idKind = f.kind(USER_ID);
    CharSequence userId;
    if (idKind == null || idKind == JsonToken.VALUE_NULL) {
      return CheckedRecord.rejected(
          RejectReason.MISSING_USER_ID, idKind == null ? "user_id is absent" : "user_id is null");
    } else if (idKind == JsonToken.VALUE_STRING) {
      userId = Texts.trimToNull(f.chars(USER_ID));
      if (userId == null) {
        return CheckedRecord.rejected(
            RejectReason.MISSING_USER_ID, "user_id " + Texts.quote(f.text(USER_ID)) + " is blank");
      }
    } else if (idKind == JsonToken.VALUE_NUMBER_INT) {
      userId = decimal(f.chars(USER_ID));
    } else {
      return CheckedRecord.rejected(
          RejectReason.MISSING_USER_ID,
          "user_id is " + shown(f, USER_ID) + ", expected a string or an integer");
    }
    // Step 3: the timestamp.
    JsonToken tsKind = f.kind(TIMESTAMP);
    if (tsKind != JsonToken.VALUE_STRING) {
      String what =
          tsKind == null ? "absent" : shown(f, TIMESTAMP) + ", expected an ISO 8601 string";
      return CheckedRecord.rejected(RejectReason.INVALID_TIMESTAMP, "timestamp is " + what);
    }
    CharSequence timestamp = f.chars(TIMESTAMP);
    long micros = TimestampProfile.parseMicros(timestamp);
    if (micros == TimestampProfile.INVALID) {
      return CheckedRecord.rejected(
          RejectReason.INVALID_TIMESTAMP, TimestampProfile.explain(f.text(TIMESTAMP)));
    }
    return CheckedRecord.valid(
        ValidEvent.of(
            userId,
            stringOrNull(f, EVENT_TYPE),
            timestamp,
            micros,
            isNumber(f.kind(VALUE)) ? f.value() : null,
            stringOrNull(f, DEVICE),
            stringOrNull(f, PAGE)));
  }

  /**
   * An integer as written, rendered in decimal: JSON's grammar leaves only {@code -0} to change.
   */
  private static CharSequence decimal(CharSequence integer) {
    return "-0".contentEquals(integer) ? "0" : integer;
  }

  private static CharSequence stringOrNull(RecordFields f, int field) {
    return f.kind(field) == JsonToken.VALUE_STRING ? f.chars(field) : null;
  }

  private static String stringOrNullProblem(RecordFields f, int field) {
    JsonToken kind = f.kind(field);
    if (kind == null || kind == JsonToken.VALUE_NULL || kind == JsonToken.VALUE_STRING) {
      return null;
    }
    return RecordFields.name(field) + " is " + shown(f, field) + ", expected a string or null";
  }

  private static String valueProblem(RecordFields f) {
    JsonToken kind = f.kind(VALUE);
    if (kind == null || kind == JsonToken.VALUE_NULL) {
      return null;
    }
    if (isNumber(kind)) {
      return Double.isInfinite(f.value())
          ? "value " + Texts.quote(f.text(VALUE)) + " does not fit a 64-bit float"
          : null;
    }
    return "value is " + shown(f, VALUE) + ", expected a number or null";
  }

  private static String metadataProblem(RecordFields f) {
    JsonToken kind = f.kind(METADATA);
    if (kind == null || kind == JsonToken.VALUE_NULL || kind == JsonToken.START_OBJECT) {
      return null;
    }
    return "metadata is " + shown(f, METADATA) + ", expected an object or null";
  }

  private static boolean isNumber(JsonToken kind) {
    return kind == JsonToken.VALUE_NUMBER_INT || kind == JsonToken.VALUE_NUMBER_FLOAT;
  }

  /** How a message shows a field's value: "a string ("x")", "a number (12)", "an object", ... */
  private static String shown(RecordFields f, int field) {
    JsonToken kind = f.kind(field);
    switch (kind) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean (" + f.text(field) + ")";
      case VALUE_NUMBER_INT:
        String integer = f.text(field);
        // The user id and the timestamp are shown as the id would be rendered.
        return number(
            field == USER_ID || field == TIMESTAMP ? decimal(integer).toString() : integer);
      case VALUE_NUMBER_FLOAT:
        return number(f.text(field));
      default:
        return "a string (" + Texts.quote(f.text(field)) + ")";
    }
  }

  private static String number(String text) {
    return "a number (" + Texts.quote(text).replace("\"", "") + ")";
  }
}
