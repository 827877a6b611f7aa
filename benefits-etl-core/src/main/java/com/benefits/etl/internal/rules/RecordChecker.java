package com.benefits.etl.internal.rules;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.model.ValidEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Steps 1–3 of docs/spec.md, section 2 for one JSON value: is it an object whose fields have
 * accepted types (docs/spec.md 1.1), does it have a user id, and is its timestamp valid. Any engine
 * that can hand it a Jackson parser positioned on a record can use it; it knows nothing of files or
 * writers.
 *
 * <p>The whole object is read before any check runs, so the first reason in the order of the steps
 * (docs/spec.md, section 2) wins, and a repeated key's last value is the one checked.
 */
public final class RecordChecker {
  private static final String USER_ID = "user_id";
  private static final String EVENT_TYPE = "event_type";
  private static final String TIMESTAMP = "timestamp";
  private static final String VALUE = "value";
  private static final String METADATA = "metadata";

  private RecordChecker() {}

  /**
   * Checks the JSON value whose first token is the parser's current token, and leaves the parser on
   * that value's last token.
   *
   * @throws IOException when the JSON itself is not well-formed (the caller decides whether that is
   *     fatal, as in an array, or a malformed record, as on an NDJSON line)
   */
  public static CheckedRecord check(JsonParser p) throws IOException {
    JsonToken start = p.currentToken();
    if (start != JsonToken.START_OBJECT) {
      String what = describe(p);
      p.skipChildren();
      return notAnObject(what);
    }
    Fields f = new Fields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case USER_ID:
          f.userId = scalarText(p, t);
          f.userIdKind = t;
          f.userIdShown = t.isScalarValue() ? null : describe(p);
          break;
        case EVENT_TYPE:
          f.eventType = stringOrNull(p, t, EVENT_TYPE, f);
          break;
        case TIMESTAMP:
          f.timestamp = scalarText(p, t);
          f.timestampKind = t;
          f.timestampShown = t.isScalarValue() ? null : describe(p);
          break;
        case VALUE:
          f.value = numberOrNull(p, t, f);
          break;
        case METADATA:
          readMetadata(p, t, f);
          break;
        default:
          break;
      }
      p.skipChildren();
    }
    return decide(f);
  }

  /** The rejection of an element that is not an object, described as "a number (12)" etc. */
  static CheckedRecord notAnObject(String what) {
    return CheckedRecord.rejected(
        RejectReason.MALFORMED_RECORD, "the record is " + what + ", expected a JSON object");
  }

  /**
   * Everything read from one object; last key wins because each field is simply overwritten. Also
   * filled by {@link ByteRecordChecker}, so both readers decide through the same {@link #decide}.
   */
  static final class Fields {
    String userId;
    JsonToken userIdKind;
    String userIdShown;
    String eventType;
    String timestamp;
    JsonToken timestampKind;
    String timestampShown;
    Double value;
    String device;
    String page;

    /** Type problems per field, keyed by field so that a later repeated key can clear them. */
    String eventTypeProblem;

    String valueProblem;
    String metadataProblem;
    String deviceProblem;
    String pageProblem;
  }

  static CheckedRecord decide(Fields f) {
    String problem =
        firstNonNull(
            f.eventTypeProblem, f.valueProblem, f.metadataProblem, f.deviceProblem, f.pageProblem);
    if (problem != null) {
      return CheckedRecord.rejected(RejectReason.MALFORMED_RECORD, problem);
    }
    String userId = null;
    if (f.userIdKind == null || f.userIdKind == JsonToken.VALUE_NULL) {
      return CheckedRecord.rejected(
          RejectReason.MISSING_USER_ID,
          f.userIdKind == null ? "user_id is absent" : "user_id is null");
    } else if (f.userIdKind == JsonToken.VALUE_STRING) {
      userId = Texts.trimToNull(f.userId);
      if (userId == null) {
        return CheckedRecord.rejected(
            RejectReason.MISSING_USER_ID, "user_id " + Texts.quote(f.userId) + " is blank");
      }
    } else if (f.userIdKind == JsonToken.VALUE_NUMBER_INT) {
      userId = f.userId;
    } else {
      return CheckedRecord.rejected(
          RejectReason.MISSING_USER_ID,
          "user_id is "
              + shown(f.userIdKind, f.userId, f.userIdShown)
              + ", expected a string or an integer");
    }
    if (f.timestampKind != JsonToken.VALUE_STRING) {
      String what =
          f.timestampKind == null
              ? "absent"
              : shown(f.timestampKind, f.timestamp, f.timestampShown)
                  + ", expected an ISO 8601 string";
      return CheckedRecord.rejected(RejectReason.INVALID_TIMESTAMP, "timestamp is " + what);
    }
    long micros = TimestampProfile.parseMicros(f.timestamp);
    if (micros == TimestampProfile.INVALID) {
      return CheckedRecord.rejected(
          RejectReason.INVALID_TIMESTAMP, TimestampProfile.explain(f.timestamp));
    }
    return CheckedRecord.valid(
        new ValidEvent(userId, f.eventType, f.timestamp, micros, f.value, f.device, f.page));
  }

  private static void readMetadata(JsonParser p, JsonToken t, Fields f) throws IOException {
    f.device = null;
    f.page = null;
    f.deviceProblem = null;
    f.pageProblem = null;
    f.metadataProblem = null;
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      f.metadataProblem = notObjectOrNull(describe(p));
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if ("device".equals(name)) {
        f.deviceProblem = null;
        f.device = metadataString(p, v, "metadata.device", f, true);
      } else if ("page".equals(name)) {
        f.pageProblem = null;
        f.page = metadataString(p, v, "metadata.page", f, false);
      }
      p.skipChildren();
    }
  }

  private static String metadataString(
      JsonParser p, JsonToken t, String field, Fields f, boolean device) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t != JsonToken.VALUE_NULL) {
      String problem = notStringOrNull(field, describe(p));
      if (device) {
        f.deviceProblem = problem;
      } else {
        f.pageProblem = problem;
      }
    }
    return null;
  }

  private static String stringOrNull(JsonParser p, JsonToken t, String field, Fields f)
      throws IOException {
    f.eventTypeProblem = null;
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t != JsonToken.VALUE_NULL) {
      f.eventTypeProblem = notStringOrNull(field, describe(p));
    }
    return null;
  }

  private static Double numberOrNull(JsonParser p, JsonToken t, Fields f) throws IOException {
    f.valueProblem = null;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = p.getDoubleValue();
      if (Double.isInfinite(d)) {
        f.valueProblem = "value " + Texts.quote(p.getText()) + " does not fit a 64-bit float";
        return null;
      }
      return d;
    }
    if (t != JsonToken.VALUE_NULL) {
      f.valueProblem = notNumberOrNull(describe(p));
    }
    return null;
  }

  /** The text of a scalar (integers rendered in decimal), or null for objects, arrays and null. */
  private static String scalarText(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = p.getNumberType();
      if (type == JsonParser.NumberType.BIG_INTEGER) {
        BigInteger big = p.getBigIntegerValue();
        return big.toString();
      }
      return Long.toString(p.getLongValue());
    }
    return t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : null;
  }

  static String shown(JsonToken kind, String text, String shownIfStructured) {
    if (shownIfStructured != null) {
      return shownIfStructured;
    }
    switch (kind) {
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean (" + text + ")";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number (" + Texts.quote(text).replace("\"", "") + ")";
      default:
        return "a string (" + Texts.quote(text) + ")";
    }
  }

  /** "a string ("x")", "a number (12)", "an object", … for the current token. */
  private static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
      case START_ARRAY:
        return describeStructure(t);
      case VALUE_NULL:
        return "null";
      default:
        return shown(t, p.getText(), null);
    }
  }

  /** "an object" or "an array". */
  static String describeStructure(JsonToken start) {
    return start == JsonToken.START_OBJECT ? "an object" : "an array";
  }

  static String notStringOrNull(String field, String what) {
    return field + " is " + what + ", expected a string or null";
  }

  static String notNumberOrNull(String what) {
    return "value is " + what + ", expected a number or null";
  }

  static String notObjectOrNull(String what) {
    return "metadata is " + what + ", expected an object or null";
  }

  /** Five arguments, not varargs: this runs for every record, and an array a call showed up. */
  private static String firstNonNull(String a, String b, String c, String d, String e) {
    return a != null ? a : b != null ? b : c != null ? c : d != null ? d : e;
  }
}
