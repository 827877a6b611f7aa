package com.benefits.etl.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes fresh, well-formed records with realistic benefits-engagement content and benign variety.
 */
final class EventFactory {
  static final String[] EVENT_TYPES = {
    "login",
    "logout",
    "view_benefits",
    "enroll",
    "submit_claim",
    "update_profile",
    "view_document",
    "search"
  };
  private static final int[] EVENT_WEIGHTS = {22, 14, 20, 6, 8, 6, 12, 12};
  private static final String[] DEVICES = {
    "desktop", "desktop", "desktop", "desktop", "desktop", "mobile", "mobile", "mobile", "tablet"
  };
  private static final String[] PAGES = {
    "/benefits/health", "/benefits/dental", "/benefits/vision", "/benefits/401k", "/benefits/hsa",
    "/benefits/life", "/claims/new", "/claims/history", "/claims/status", "/documents/spd",
    "/documents/eob", "/profile", "/profile/dependents", "/search?q=dental+plan&page=2", "/home",
    "/benefits/visi\u00f3n"
  };
  private static final String[] BROWSERS = {"Chrome", "Safari", "Firefox", "Edge"};

  private final SplittableRandom rng;
  private final UserDirectory users;
  private final double unknownShare;
  private final int eventWeightTotal;

  EventFactory(SplittableRandom rng, UserDirectory users, double unknownShare) {
    this.rng = rng;
    this.users = users;
    this.unknownShare = unknownShare;
    int total = 0;
    for (int w : EVENT_WEIGHTS) {
      total += w;
    }
    this.eventWeightTotal = total;
  }

  /** A well-formed record at {@code epochSecond}, whose key no other fresh record shares. */
  EventDraft fresh(long epochSecond) {
    EventDraft d = new EventDraft();
    assignUser(d, -1);
    String type = eventType();
    int t = rng.nextInt(200);
    d.eventType = t == 0 ? Json.NULL : t == 1 ? null : Json.str(type);
    d.epochSecond = epochSecond;
    if (rng.nextInt(100) < 80) {
      d.nanos = 0;
      d.style = TimestampStyle.CANONICAL;
    } else {
      d.nanos = rng.nextInt(3) == 0 ? randomNanos() : 0;
      d.style = Timestamps.randomStyle(rng, epochSecond, d.nanos);
    }
    d.timestampText = Timestamps.render(epochSecond, d.nanos, d.style);
    d.timestamp = Json.str(d.timestampText);
    d.value = value(type);
    d.metadata = metadata();
    if (rng.nextInt(10) == 0) {
      d.extras = extras();
    }
    if (rng.nextInt(50) == 0) {
      d.leading = List.of(decoy(d));
    }
    if (rng.nextInt(12) == 0) {
      d.orderSeed = rng.nextLong() | 1L;
    }
    return d;
  }

  /** Gives {@code d} a user: unknown, or a random known user other than {@code avoidIndex}. */
  void assignUser(EventDraft d, int avoidIndex) {
    int n = users.size();
    boolean unknown = n == 0 || (n == 1 && avoidIndex == 0) || rng.nextDouble() < unknownShare;
    if (unknown) {
      boolean numeric = rng.nextInt(10) == 0;
      d.userId = UserDirectory.unknownId(rng, n, numeric);
      d.userIndex = -1;
      d.userFate = UserFate.UNKNOWN;
      d.numericUser = numeric;
      d.userIdJson = numeric ? Json.num(d.userId) : Json.str(d.userId);
      return;
    }
    int index = rng.nextInt(n);
    if (index == avoidIndex) {
      index = (index + 1) % n;
    }
    UserDirectory.EventUser user = users.eventUser(index);
    d.userId = user.id();
    d.userIndex = index;
    d.userFate = user.us() ? UserFate.US : UserFate.NON_US;
    d.numericUser = user.numeric();
    d.userIdJson = userIdJson(user.id(), user.numeric());
  }

  /** The id as JSON: integer for most numeric ids, sometimes padded with whitespace. */
  Json userIdJson(String id, boolean numeric) {
    if (numeric && rng.nextInt(5) < 3) {
      return Json.num(id);
    }
    return switch (rng.nextInt(25)) {
      case 0 -> Json.str(" " + id + " ");
      case 1 -> Json.str("\t" + id);
      case 2 -> Json.str(id + "   ");
      default -> Json.str(id);
    };
  }

  String eventType() {
    int w = rng.nextInt(eventWeightTotal);
    for (int i = 0; i < EVENT_WEIGHTS.length; i++) {
      w -= EVENT_WEIGHTS[i];
      if (w < 0) {
        return EVENT_TYPES[i];
      }
    }
    return EVENT_TYPES[0];
  }

  int randomNanos() {
    int digits = 1 + rng.nextInt(9);
    int scale = 1;
    for (int i = digits; i < 9; i++) {
      scale *= 10;
    }
    return rng.nextInt(1_000_000_000 / scale) * scale;
  }

  private Json value(String type) {
    int r = rng.nextInt(100);
    switch (type) {
      case "enroll", "submit_claim" -> {
        if (r < 8) {
          return r < 4 ? Json.NULL : null;
        }
        if (r < 25) {
          return Json.num(50 + rng.nextInt(2_000));
        }
        long cents = 1_000 + rng.nextLong(499_000);
        return Json.num(cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100);
      }
      case "update_profile", "logout" -> {
        if (r < 70) {
          return r < 35 ? Json.NULL : null;
        }
        return Json.num(1 + rng.nextInt(3_600));
      }
      default -> {
        if (r < 40) {
          return r < 20 ? Json.NULL : null;
        }
        if (r < 42) {
          // Zero, sometimes negative: -0.0 equals 0 when values are compared as numbers.
          return Json.num(r == 40 ? "0" : rng.nextBoolean() ? "0.0" : "-0.0");
        }
        if (r < 90) {
          return Json.num(1 + rng.nextInt(500));
        }
        return Json.num((1 + rng.nextInt(99)) + "." + (1 + rng.nextInt(9)));
      }
    }
  }

  private Json metadata() {
    int r = rng.nextInt(100);
    if (r < 4) {
      return Json.NULL;
    }
    if (r < 8) {
      return null;
    }
    return metadataObject(device(), page());
  }

  Json metadataObject(Json device, Json page) {
    int r = rng.nextInt(100);
    if (r < 80) {
      return device == null
          ? (page == null ? Json.obj() : Json.obj(Json.field("page", page)))
          : page == null
              ? Json.obj(Json.field("device", device))
              : Json.obj(Json.field("device", device), Json.field("page", page));
    }
    Json.Field[] fields = {
      Json.field("browser", Json.str(BROWSERS[rng.nextInt(BROWSERS.length)])),
      Json.field("page", page == null ? Json.NULL : page),
      Json.field(
          "screen", Json.obj(Json.field("w", Json.num(390)), Json.field("h", Json.num(844)))),
      Json.field("device", device == null ? Json.NULL : device),
      Json.field("tags", Json.arr(Json.str("sso"), Json.num(3), Json.NULL)),
      Json.field("referrer", Json.NULL),
    };
    return new Json.Obj(List.of(fields));
  }

  Json device() {
    int r = rng.nextInt(100);
    return r < 3 ? Json.NULL : r < 6 ? null : Json.str(DEVICES[rng.nextInt(DEVICES.length)]);
  }

  Json page() {
    int r = rng.nextInt(100);
    return r < 3 ? Json.NULL : r < 6 ? null : Json.str(PAGES[rng.nextInt(PAGES.length)]);
  }

  private List<Json.Field> extras() {
    return switch (rng.nextInt(5)) {
      case 0 ->
          List.of(Json.field("session_id", Json.str("s-" + Long.toHexString(rng.nextLong()))));
      case 1 -> List.of(Json.field("schema_version", Json.num(2)), Json.field("debug", Json.NULL));
      case 2 -> List.of(Json.field("note", Json.str("He said \"hi\"\n\tthen left \u2615 \\o/")));
      case 3 ->
          List.of(
              Json.field(
                  "client",
                  Json.obj(
                      Json.field("app", Json.str("benefits-ios")),
                      Json.field("version", Json.str("5.12.0")))));
      default ->
          List.of(Json.field("tags", Json.arr(Json.str("open-enrollment"), Json.bool(true))));
    };
  }

  /**
   * A field of a wrong type or value written first, which the real field then overrides: the record
   * stays clean because the last key wins. The real field must stay present in every copy of the
   * record ({@link EventDraft#requireDecoysOverridden()}).
   */
  private Json.Field decoy(EventDraft d) {
    int r = rng.nextInt(5);
    if (r == 1 && d.eventType != null) {
      return Json.field("event_type", Json.num(5));
    }
    if (r == 3 && d.value != null) {
      return Json.field("value", Json.str("oops"));
    }
    if (r == 4 && d.metadata != null) {
      return Json.field("metadata", Json.arr(Json.str("desktop")));
    }
    return r % 2 == 0
        ? Json.field("timestamp", Json.str("yesterday"))
        : Json.field("user_id", Json.NULL);
  }
}
