package com.benefits.etl.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Copies of earlier eligible records: duplicates (same dedup key, written differently where the
 * docs/spec.md says it does not matter) and look-alikes (one thing of the key differs, so NOT
 * duplicates).
 */
final class Copies {
  private final SplittableRandom rng;
  private final EventFactory factory;

  Copies(SplittableRandom rng, EventFactory factory) {
    this.rng = rng;
    this.factory = factory;
  }

  /** Same (trimmed user_id, event_type, timestamp text, value as a double): a duplicate. */
  EventDraft duplicate(EventDraft original) {
    EventDraft c = original.copy();
    int r = rng.nextInt(10);
    if (r == 4 || r == 9) {
      c.value = sameNumber(c.value, c.hasDecoy("value"));
    }
    if (r == 5 || r == 9) {
      c.orderSeed = rng.nextLong() | 1L;
    }
    if (r == 6 || r == 9) {
      c.userIdJson = factory.userIdJson(c.userId, c.numericUser);
    }
    if (r == 7) {
      c.metadata =
          rng.nextInt(4) == 0
              ? Json.NULL
              : factory.metadataObject(factory.device(), factory.page());
    }
    if (r == 8) {
      c.extras = List.of(Json.field("retry", Json.bool(true)));
    }
    return c;
  }

  /**
   * A record like {@code original} but with a different key: the same instant written in another
   * way, another value, another event type or another user. Call once per original, so that two
   * look-alikes never share a key.
   */
  EventDraft lookalike(EventDraft original) {
    EventDraft c = original.copy();
    switch (rng.nextInt(4)) {
      case 0 -> restyle(c, original.timestampText);
      case 1 -> c.value = otherNumber(c.value);
      case 2 -> {
        String type;
        do {
          type = factory.eventType();
        } while (original.eventType instanceof Json.Str s && s.value().equals(type));
        c.eventType = Json.str(type);
      }
      default -> {
        do {
          factory.assignUser(c, original.userIndex);
        } while (c.userId.equals(original.userId));
      }
    }
    return c;
  }

  private void restyle(EventDraft c, String originalText) {
    for (int i = 0; i < 100; i++) {
      TimestampStyle style = Timestamps.randomStyle(rng, c.epochSecond, c.nanos);
      String text = Timestamps.render(c.epochSecond, c.nanos, style);
      if (!text.equals(originalText)) {
        setTimestamp(c, style, text);
        return;
      }
    }
    int digits = Math.max(Timestamps.significantDigits(c.nanos), 1);
    for (TimestampStyle.Zone zone :
        List.of(TimestampStyle.Zone.COLON, TimestampStyle.Zone.NO_COLON)) {
      TimestampStyle style = new TimestampStyle('T', true, digits, '.', zone, 60, false);
      String text = Timestamps.render(c.epochSecond, c.nanos, style);
      if (!text.equals(originalText)) {
        setTimestamp(c, style, text);
        return;
      }
    }
    throw new IllegalStateException("cannot restyle " + originalText);
  }

  private static void setTimestamp(EventDraft c, TimestampStyle style, String text) {
    c.style = style;
    c.timestampText = text;
    c.timestamp = Json.str(text);
  }

  /**
   * The same number written differently ({@code 10} as {@code 10.0}, {@code 0} as {@code -0.0}), or
   * null as absent. A null value stays null when a leading decoy names {@code value}: the real
   * field must be there to override the decoy.
   */
  private Json sameNumber(Json value, boolean decoyed) {
    if (value == null) {
      return Json.NULL;
    }
    if (value instanceof Json.Null) {
      return decoyed ? value : null;
    }
    if (value instanceof Json.Num n) {
      if (new BigDecimal(n.text()).signum() == 0) {
        String[] zeros = {"0", "-0", "0.0", "-0.0", "-0e0", "0E-3"};
        String text;
        do {
          text = zeros[rng.nextInt(zeros.length)];
        } while (text.equals(n.text()));
        return Json.num(text);
      }
      if (n.integral()) {
        return switch (rng.nextInt(3)) {
          case 0 -> Json.num(n.text() + ".0");
          case 1 -> Json.num(n.text() + ".00");
          default -> Json.num(n.text() + "e0");
        };
      }
      return Json.num(n.text() + "0");
    }
    throw new IllegalArgumentException("value is not a number or null: " + value);
  }

  private static Json otherNumber(Json value) {
    if (value instanceof Json.Num n) {
      return Json.num(new BigDecimal(n.text()).add(BigDecimal.ONE).toPlainString());
    }
    return Json.num(7);
  }
}
