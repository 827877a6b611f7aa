package com.benefits.etl.internal.model;

import static java.util.Objects.requireNonNull;

import com.benefits.etl.internal.rules.DedupKey;
import com.benefits.etl.internal.rules.TimestampProfile;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A record that passed steps 1–3 of docs/spec.md, section 2: well-typed, with a user id and a valid
 * timestamp. Whether it is a duplicate, a known user and in the target country is decided later.
 *
 * <p>It comes in two forms with the same values. The byte form, for a record whose user id, event
 * type and timestamp are ASCII (what the byte scanner finds in nearly every record), holds the five
 * strings' UTF-8 in one byte array, and makes each {@link String} only when asked: the steps after
 * it and the Parquet writer read the bytes ({@link #inByteForm()}, {@link #bytes()}, {@link #from},
 * {@link #length}), so a clean event's strings are never decoded and encoded again. The three
 * fields that rules, the deduplication key and the users lookup read are ASCII there, one byte a
 * character; the device and page, which are only written, may be any text. The string form holds
 * strings (a user id, event type or timestamp that is not ASCII, a field of 255 bytes or more, the
 * Jackson tier's records, tests). Safe to read from any thread once published.
 */
public final class ValidEvent {
  /** The string fields, by index, for {@link #text}, {@link #from} and {@link #length}. */
  public static final int USER_ID = 0;

  public static final int EVENT_TYPE = 1;
  public static final int TIMESTAMP = 2;
  public static final int DEVICE = 3;
  public static final int PAGE = 4;
  private static final int FIELDS = 5;

  /** A field of this many bytes or more takes the string form. */
  private static final int FIELD_LIMIT = 255;

  /** Bits of one field's end in {@link #layout}: enough for five fields under the limit. */
  private static final int END_BITS = 11;

  private static final int END_MASK = (1 << END_BITS) - 1;

  /** Where the fields' null flags start in {@link #layout}. */
  private static final int NULLS = FIELDS * END_BITS;

  /** The byte form's bytes (the fields' UTF-8 one after another), or null in the string form. */
  private final byte[] bytes;

  /**
   * Where the byte form's fields end in {@link #bytes}, by field: {@link #END_BITS} bits each, from
   * the user id's in the lowest, a null field ending where the one before it does; then one bit a
   * field, set when it is null. So a field's bounds are two shifts away, with no sum.
   */
  private final long layout;

  /** The strings: all of them in the string form, those made so far in the byte form. */
  private String userId;

  private String eventType;
  private String timestamp;
  private String device;
  private String page;

  private final long timestampMicros;
  private final Double value;

  /**
   * The string form.
   *
   * @param userId the trimmed, non-blank user id (integers rendered in decimal)
   * @param timestamp the timestamp exactly as written in the input
   * @param timestampMicros its UTC instant, microseconds since the epoch
   * @param value the value, or null when null or absent
   */
  public ValidEvent(
      String userId,
      String eventType,
      String timestamp,
      long timestampMicros,
      Double value,
      String device,
      String page) {
    requireNonNull(userId, "userId is null");
    requireNonNull(timestamp, "timestamp is null");
    this.bytes = null;
    this.layout = 0;
    this.userId = userId;
    this.eventType = eventType;
    this.timestamp = timestamp;
    this.device = device;
    this.page = page;
    this.timestampMicros = timestampMicros;
    this.value = value;
  }

  private ValidEvent(byte[] bytes, long layout, long timestampMicros, Double value) {
    this.bytes = bytes;
    this.layout = layout;
    this.timestampMicros = timestampMicros;
    this.value = value;
  }

  /**
   * An event from its five fields as text (null for a null field; the user id and the timestamp are
   * not null): in the byte form when the user id, event type and timestamp are ASCII, the device
   * and page have no surrogate, and each field is under 255 bytes of UTF-8; else in the string
   * form. The text is copied.
   */
  public static ValidEvent of(
      CharSequence userId,
      CharSequence eventType,
      CharSequence timestamp,
      long timestampMicros,
      Double value,
      CharSequence device,
      CharSequence page) {
    requireNonNull(userId, "userId is null");
    requireNonNull(timestamp, "timestamp is null");
    int userIdBytes = asciiBytes(userId);
    int eventTypeBytes = asciiBytes(eventType);
    int timestampBytes = asciiBytes(timestamp);
    int deviceBytes = utf8Bytes(device);
    int pageBytes = utf8Bytes(page);
    if (userIdBytes < 0
        || eventTypeBytes < 0
        || timestampBytes < 0
        || deviceBytes < 0
        || pageBytes < 0) {
      return new ValidEvent(
          userId.toString(),
          string(eventType),
          timestamp.toString(),
          timestampMicros,
          value,
          string(device),
          string(page));
    }
    byte[] bytes =
        new byte[userIdBytes + eventTypeBytes + timestampBytes + deviceBytes + pageBytes];
    int at = put(bytes, 0, userId);
    long layout = placed(USER_ID, userId, at);
    at = put(bytes, at, eventType);
    layout |= placed(EVENT_TYPE, eventType, at);
    at = put(bytes, at, timestamp);
    layout |= placed(TIMESTAMP, timestamp, at);
    at = put(bytes, at, device);
    layout |= placed(DEVICE, device, at);
    at = put(bytes, at, page);
    layout |= placed(PAGE, page, at);
    return new ValidEvent(bytes, layout, timestampMicros, value);
  }

  /**
   * The bytes the field takes in the byte form if it is ASCII (0 when null), or -1 when it cannot
   * be held there.
   */
  private static int asciiBytes(CharSequence field) {
    if (field == null) {
      return 0;
    }
    int n = field.length();
    if (n >= FIELD_LIMIT) {
      return -1;
    }
    if (!(field instanceof AsciiText)) {
      for (int i = 0; i < n; i++) {
        if (field.charAt(i) >= 0x80) {
          return -1;
        }
      }
    }
    return n;
  }

  /**
   * The bytes of the field's UTF-8 in the byte form (0 when null), or -1 when it cannot be held
   * there: 255 bytes or more, or a surrogate (kept as written in the string form; a rare emoji
   * takes that form too).
   */
  private static int utf8Bytes(CharSequence field) {
    if (field == null) {
      return 0;
    }
    if (field instanceof AsciiText) {
      return field.length() < FIELD_LIMIT ? field.length() : -1;
    }
    int bytes = 0;
    for (int i = 0, n = field.length(); i < n && bytes < FIELD_LIMIT; i++) {
      char c = field.charAt(i);
      if (Character.isSurrogate(c)) {
        return -1;
      }
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes < FIELD_LIMIT ? bytes : -1;
  }

  /** Copies a field's UTF-8 (no surrogates) to {@code at}; returns where the next field goes. */
  private static int put(byte[] bytes, int at, CharSequence field) {
    if (field == null) {
      return at;
    }
    if (field instanceof AsciiText f) {
      System.arraycopy(f.bytes(), f.from(), bytes, at, f.length());
      return at + f.length();
    }
    for (int i = 0, n = field.length(); i < n; i++) {
      char c = field.charAt(i);
      if (c < 0x80) {
        bytes[at++] = (byte) c;
      } else if (c < 0x800) {
        bytes[at++] = (byte) (0xC0 | c >>> 6);
        bytes[at++] = (byte) (0x80 | c & 0x3F);
      } else {
        bytes[at++] = (byte) (0xE0 | c >>> 12);
        bytes[at++] = (byte) (0x80 | c >>> 6 & 0x3F);
        bytes[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return at;
  }

  /** The {@link #layout} bits of field {@code index}, which ends at {@code end}. */
  private static long placed(int index, CharSequence field, int end) {
    return (long) end << (END_BITS * index) | (field == null ? 1L << (NULLS + index) : 0);
  }

  private static String string(CharSequence s) {
    return s == null ? null : s.toString();
  }

  /** The trimmed, non-blank user id (integers rendered in decimal). */
  public String userId() {
    return text(USER_ID);
  }

  public String eventType() {
    return text(EVENT_TYPE);
  }

  /** The timestamp exactly as written in the input. */
  public String timestamp() {
    return text(TIMESTAMP);
  }

  /** The timestamp's UTC instant, microseconds since the epoch. */
  public long timestampMicros() {
    return timestampMicros;
  }

  /** The value, or null when null or absent. */
  public Double value() {
    return value;
  }

  public String device() {
    return text(DEVICE);
  }

  public String page() {
    return text(PAGE);
  }

  /** The string field {@code field} ({@link #USER_ID} to {@link #PAGE}), or null. */
  public String text(int field) {
    String t =
        switch (field) {
          case USER_ID -> userId;
          case EVENT_TYPE -> eventType;
          case TIMESTAMP -> timestamp;
          case DEVICE -> device;
          case PAGE -> page;
          default -> throw new IndexOutOfBoundsException(field);
        };
    if (t != null || bytes == null || length(field) < 0) {
      return t;
    }
    t = new String(bytes, from(field), length(field), StandardCharsets.UTF_8);
    switch (field) { // a race only makes an equal string twice
      case USER_ID -> userId = t;
      case EVENT_TYPE -> eventType = t;
      case TIMESTAMP -> timestamp = t;
      case DEVICE -> device = t;
      default -> page = t;
    }
    return t;
  }

  /** Whether the event is in the byte form. */
  public boolean inByteForm() {
    return bytes != null;
  }

  /**
   * The byte form's bytes: the fields' UTF-8 one after another, ASCII in the user id, event type
   * and timestamp. Only read them.
   */
  public byte[] bytes() {
    return bytes;
  }

  /** Where {@code field} starts in {@link #bytes()}. */
  public int from(int field) {
    return field == USER_ID ? 0 : end(field - 1);
  }

  /** The length of {@code field} in {@link #bytes()}, in bytes, or -1 when it is null. */
  public int length(int field) {
    return (layout >>> (NULLS + field) & 1) != 0 ? -1 : end(field) - from(field);
  }

  private int end(int field) {
    return (int) (layout >>> (END_BITS * field)) & END_MASK;
  }

  /** The user id as text: a view of the byte form's bytes, or the string. */
  public CharSequence userIdText() {
    return bytes == null ? userId : new AsciiText(bytes, 0, length(USER_ID));
  }

  /** The UTC date of the timestamp, in days since 1970-01-01. */
  public int eventDate() {
    return TimestampProfile.epochDay(timestampMicros);
  }

  /** The deduplication key of this event (docs/spec.md, step 4). */
  public DedupKey dedupKey() {
    return DedupKey.of(userId(), eventType(), timestamp(), value);
  }

  /**
   * {@link DedupKey#locality()} of {@link #dedupKey()}, without making the key; {@code view} is
   * pointed at the timestamp's bytes in the byte form.
   */
  public int dedupLocality(AsciiText view) {
    return DedupKey.locality(
        bytes == null ? timestamp : view.set(bytes, from(TIMESTAMP), length(TIMESTAMP)));
  }

  /**
   * The characters of its strings (their bytes in the byte form): what holding it costs, beyond a
   * few dozen bytes.
   */
  public long chars() {
    if (bytes != null) {
      return bytes.length;
    }
    return (long) userId.length()
        + timestamp.length()
        + length(eventType)
        + length(device)
        + length(page);
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ValidEvent e)) {
      return false;
    }
    for (int i = 0; i < FIELDS; i++) {
      if (!Objects.equals(text(i), e.text(i))) {
        return false;
      }
    }
    return timestampMicros == e.timestampMicros && Objects.equals(value, e.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        userId(), eventType(), timestamp(), timestampMicros, value, device(), page());
  }

  @Override
  public String toString() {
    return "ValidEvent[userId="
        + userId()
        + ", eventType="
        + eventType()
        + ", timestamp="
        + timestamp()
        + ", timestampMicros="
        + timestampMicros
        + ", value="
        + value
        + ", device="
        + device()
        + ", page="
        + page()
        + "]";
  }
}
