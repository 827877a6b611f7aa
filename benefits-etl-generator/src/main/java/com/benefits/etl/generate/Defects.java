package com.benefits.etl.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a well-formed record into one rejected at step 1, 2 or 3 (docs/spec.md, section 2). Each
 * method returns a changed copy; the input is untouched, so it can be written later as a valid
 * record that is NOT a duplicate of its rejected twin.
 */
final class Defects {
  /** Lines of NDJSON that are not a JSON object, or not JSON at all. */
  static final String[] GARBAGE_LINES = {
    "not json at all",
    "{\"user_id\": \"u000001\", \"event_type\": \"login\"",
    "{'user_id': 'u000002', 'event_type': 'login'}",
    "}{",
    "{\"user_id\": \"u000003\", \"timestamp\": \"2024-03-15T14:22:05Z\"} trailing",
    "user_id=u000004 event_type=logout",
    "{\"user_id\": \"u000005\",}",
    "<event user=\"u000006\"/>",
  };

  private final SplittableRandom rng;
  private final EventFactory factory;

  Defects(SplittableRandom rng, EventFactory factory) {
    this.rng = rng;
    this.factory = factory;
  }

  /** A JSON value that is not an object: a rejected record in both formats. */
  Json nonObject(EventDraft d) {
    return switch (rng.nextInt(6)) {
      case 0 -> Json.num(42);
      case 1 -> Json.str("login");
      case 2 -> Json.NULL;
      case 3 -> Json.bool(true);
      case 4 -> Json.arr(d.toJson());
      default -> Json.arr();
    };
  }

  /** An object with a field of a wrong type (step 1). */
  EventDraft malformedField(EventDraft d) {
    EventDraft c = d.copy();
    switch (rng.nextInt(6)) {
      case 0 ->
          c.eventType =
              pick(
                  Json.num(7),
                  Json.bool(false),
                  Json.obj(Json.field("name", Json.str("login"))),
                  Json.arr(Json.str("login")));
      case 1 ->
          c.value =
              pick(
                  Json.str("12.50"),
                  Json.str(""),
                  Json.bool(true),
                  Json.obj(Json.field("amount", Json.num(5))),
                  Json.arr(Json.num(1), Json.num(2)));
      case 2 ->
          c.metadata =
              pick(
                  Json.arr(Json.str("desktop"), Json.str("/benefits/health")),
                  Json.str("desktop"),
                  Json.num(1),
                  Json.bool(true));
      case 3 -> c.metadata = factory.metadataObject(wrongScalar(), factory.page());
      case 4 -> c.metadata = factory.metadataObject(factory.device(), wrongScalar());
      default ->
          c.trailing =
              List.of(
                  pick(
                      Json.field("value", Json.str("ten")),
                      Json.field("metadata", Json.str("mobile")),
                      Json.field("event_type", Json.bool(true))));
    }
    if (rng.nextInt(8) == 0) {
      // Also wrong later on: the first reason still wins.
      if (rng.nextBoolean()) {
        c.userIdJson = Json.NULL;
      } else {
        c.timestamp = Json.str("yesterday");
      }
    }
    return c;
  }

  /** A record whose user id is absent, null, blank or of a wrong type (step 2). */
  EventDraft missingUserId(EventDraft d) {
    EventDraft c = d.copy();
    int r = rng.nextInt(13);
    switch (r) {
      case 0, 1 -> c.userIdJson = null;
      case 2, 3 -> c.userIdJson = Json.NULL;
      case 4 -> c.userIdJson = Json.str("");
      case 5 -> c.userIdJson = Json.str("   ");
      case 6 -> c.userIdJson = Json.str("\t \n");
      case 7 -> c.userIdJson = Json.bool(rng.nextBoolean());
      case 8 -> c.userIdJson = Json.num("12.5");
      case 9 -> c.userIdJson = Json.num("-0.25");
      case 10 -> c.userIdJson = Json.obj(Json.field("id", Json.str(d.userId)));
      case 11 -> c.userIdJson = Json.arr(Json.str(d.userId));
      default ->
          c.trailing =
              List.of(Json.field("user_id", rng.nextBoolean() ? Json.NULL : Json.str(" ")));
    }
    if (rng.nextInt(6) == 0) {
      c.timestamp = Json.str("not a time");
    }
    return c;
  }

  /** A record whose timestamp is absent, not a string, or not valid (step 3). */
  EventDraft invalidTimestamp(EventDraft d) {
    EventDraft c = d.copy();
    if (rng.nextInt(12) == 0) {
      c.trailing = List.of(Json.field("timestamp", Json.str("2024-13-01T00:00:00Z")));
    } else {
      c.timestamp = InvalidTimestamps.pick(rng, d.timestampText);
    }
    return c;
  }

  String garbageLine() {
    return GARBAGE_LINES[rng.nextInt(GARBAGE_LINES.length)];
  }

  private Json wrongScalar() {
    return pick(Json.num(3), Json.bool(false), Json.obj(), Json.arr(Json.str("mobile")));
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[rng.nextInt(options.length)];
  }
}
