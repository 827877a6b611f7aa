package com.benefits.etl.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A record being generated, with what the generator knows about it: its user's fate, its instant
 * and the JSON value of each field ({@code null} = field absent). Mutable on purpose: variants are
 * made by copying and changing one thing.
 */
final class EventDraft {
  String userId;
  int userIndex = -1;
  UserFate userFate = UserFate.UNKNOWN;
  boolean numericUser;
  long epochSecond;
  int nanos;
  TimestampStyle style = TimestampStyle.CANONICAL;
  String timestampText;
  boolean lookalikeTaken;

  Json userIdJson;
  Json eventType;
  Json timestamp;
  Json value;
  Json metadata;
  List<Json.Field> extras = List.of();

  /** Written before the real fields; overridden by them (the last key wins). */
  List<Json.Field> leading = List.of();

  /** Written after the real fields; override them. */
  List<Json.Field> trailing = List.of();

  /** 0 = canonical key order, else the seed of a shuffle. */
  long orderSeed;

  EventDraft copy() {
    EventDraft c = new EventDraft();
    c.userId = userId;
    c.userIndex = userIndex;
    c.userFate = userFate;
    c.numericUser = numericUser;
    c.epochSecond = epochSecond;
    c.nanos = nanos;
    c.style = style;
    c.timestampText = timestampText;
    c.userIdJson = userIdJson;
    c.eventType = eventType;
    c.timestamp = timestamp;
    c.value = value;
    c.metadata = metadata;
    c.extras = extras;
    c.leading = leading;
    c.trailing = trailing;
    c.orderSeed = orderSeed;
    return c;
  }

  /** Whether a leading decoy names {@code field}: the real field must then stay present. */
  boolean hasDecoy(String field) {
    for (Json.Field f : leading) {
      if (f.name().equals(field)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Checks that every leading decoy is overridden by a real field written after it. A decoy left
   * without its real field is the last (only) key of its name, so the record would be rejected at
   * step 1, 2 or 3 instead of passing them as the generator counts it.
   */
  EventDraft requireDecoysOverridden() {
    for (Json.Field f : leading) {
      Json real =
          switch (f.name()) {
            case "user_id" -> userIdJson;
            case "event_type" -> eventType;
            case "timestamp" -> timestamp;
            case "value" -> value;
            case "metadata" -> metadata;
            default -> throw new IllegalStateException("decoy of unknown field " + f.name());
          };
      if (real == null) {
        throw new IllegalStateException(
            "decoy " + f.name() + " is not overridden: the field is absent in " + toJson());
      }
    }
    return this;
  }

  /** The UTC day of the instant, in days since 1970-01-01. */
  long day() {
    return Math.floorDiv(epochSecond, 86_400L);
  }

  private static final SerializedString USER_ID = new SerializedString("user_id");
  private static final SerializedString EVENT_TYPE = new SerializedString("event_type");
  private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
  private static final SerializedString VALUE = new SerializedString("value");
  private static final SerializedString METADATA = new SerializedString("metadata");

  /** Writes the record as one JSON object, the same text {@link #toJson()} gives, faster. */
  void writeTo(JsonGenerator gen) throws IOException {
    if (orderSeed != 0 || !leading.isEmpty() || !trailing.isEmpty()) {
      JsonWriting.write(gen, toJson());
      return;
    }
    gen.writeStartObject();
    write(gen, USER_ID, userIdJson);
    write(gen, EVENT_TYPE, eventType);
    write(gen, TIMESTAMP, timestamp);
    write(gen, VALUE, value);
    write(gen, METADATA, metadata);
    for (Json.Field f : extras) {
      gen.writeFieldName(f.name());
      JsonWriting.write(gen, f.value());
    }
    gen.writeEndObject();
  }

  private static void write(JsonGenerator gen, SerializedString name, Json value)
      throws IOException {
    if (value != null) {
      gen.writeFieldName(name);
      JsonWriting.write(gen, value);
    }
  }

  Json.Obj toJson() {
    List<Json.Field> body = new ArrayList<>(8 + extras.size());
    add(body, "user_id", userIdJson);
    add(body, "event_type", eventType);
    add(body, "timestamp", timestamp);
    add(body, "value", value);
    add(body, "metadata", metadata);
    body.addAll(extras);
    if (orderSeed != 0) {
      SplittableRandom order = new SplittableRandom(orderSeed);
      for (int i = body.size() - 1; i > 0; i--) {
        int j = order.nextInt(i + 1);
        Json.Field t = body.get(i);
        body.set(i, body.get(j));
        body.set(j, t);
      }
    }
    if (leading.isEmpty() && trailing.isEmpty()) {
      return new Json.Obj(body);
    }
    List<Json.Field> all = new ArrayList<>(leading);
    all.addAll(body);
    all.addAll(trailing);
    return new Json.Obj(all);
  }

  private static void add(List<Json.Field> fields, String name, Json value) {
    if (value != null) {
      fields.add(new Json.Field(name, value));
    }
  }
}
