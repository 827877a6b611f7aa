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
 * <p>It comes in two forms with the same values. The ASCII form, for a record whose five strings
 * are all ASCII as written (what the byte scanner finds in nearly every record), holds them in one
 * byte array, one byte a character, and makes each {@link String} only when asked: the steps after
 * it and the Parquet writer read the bytes ({@link #isAscii()}, {@link #ascii()}, {@link #from},
 * {@link #length}), so a clean event's strings are never decoded and encoded again. The string form
 * holds strings (escaped or non-ASCII text, the Jackson tier's records, tests). Safe to read from
 * any thread once published.
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

  /** The ASCII form's bytes (the fields one after another), or null in the string form. */
  private final byte[] ascii;

  /**
   * Where the ASCII form's fields end in {@link #ascii}, by field: {@link #END_BITS} bits each,
   * from the user id's in the lowest, a null field ending where the one before it does; then one
   * bit a field, set when it is null. So a field's bounds are two shifts away, with no sum.
   */
  private final long layout;

  /** The strings: all of them in the string form, those made so far in the ASCII form. */
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
    this.ascii = null;
    this.layout = 0;
    this.userId = userId;
    this.eventType = eventType;
    this.timestamp = timestamp;
    this.device = device;
    this.page = page;
    this.timestampMicros = timestampMicros;
    this.value = value;
  }

  private ValidEvent(byte[] ascii, long layout, long timestampMicros, Double value) {
    this.ascii = ascii;
    this.layout = layout;
    this.timestampMicros = timestampMicros;
    this.value = value;
  }

  /**
   * An event from its five fields as text (null for a null field; the user id and the timestamp are
   * not null): in the ASCII form when each of them is an {@link AsciiText} under 255 bytes, else in
   * the string form. The bytes are copied.
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
    if (!asciiForm(userId)
        || !asciiForm(eventType)
        || !asciiForm(timestamp)
        || !asciiForm(device)
        || !asciiForm(page)) {
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
        new byte
            [userId.length() + size(eventType) + timestamp.length() + size(device) + size(page)];
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

  /** Whether the field can be held in the ASCII form. */
  private static boolean asciiForm(CharSequence field) {
    return field == null || (field instanceof AsciiText && field.length() < FIELD_LIMIT);
  }

  private static int size(CharSequence field) {
    return field == null ? 0 : field.length();
  }

  /** Copies an ASCII field's bytes to {@code at}; returns where the next field goes. */
  private static int put(byte[] bytes, int at, CharSequence field) {
    if (field == null) {
      return at;
    }
    AsciiText f = (AsciiText) field;
    System.arraycopy(f.bytes(), f.from(), bytes, at, f.length());
    return at + f.length();
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
    if (t != null || ascii == null || length(field) < 0) {
      return t;
    }
    t = new String(ascii, from(field), length(field), StandardCharsets.ISO_8859_1);
    switch (field) { // a race only makes an equal string twice
      case USER_ID -> userId = t;
      case EVENT_TYPE -> eventType = t;
      case TIMESTAMP -> timestamp = t;
      case DEVICE -> device = t;
      default -> page = t;
    }
    return t;
  }

  /** Whether the event is in the ASCII form. */
  public boolean isAscii() {
    return ascii != null;
  }

  /** The ASCII form's bytes; only read them. */
  public byte[] ascii() {
    return ascii;
  }

  /** Where {@code field} starts in {@link #ascii()}. */
  public int from(int field) {
    return field == USER_ID ? 0 : end(field - 1);
  }

  /** The length of {@code field} in {@link #ascii()}, or -1 when it is null. */
  public int length(int field) {
    return (layout >>> (NULLS + field) & 1) != 0 ? -1 : end(field) - from(field);
  }

  private int end(int field) {
    return (int) (layout >>> (END_BITS * field)) & END_MASK;
  }

  /** The user id as text: a view of the ASCII form's bytes, or the string. */
  public CharSequence userIdText() {
    return ascii == null ? userId : new AsciiText(ascii, 0, length(USER_ID));
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
   * pointed at the timestamp's bytes in the ASCII form.
   */
  public int dedupLocality(AsciiText view) {
    return DedupKey.locality(
        ascii == null ? timestamp : view.set(ascii, from(TIMESTAMP), length(TIMESTAMP)));
  }

  /** The characters of its strings: what holding it costs, beyond a few dozen bytes. */
  public long chars() {
    if (ascii != null) {
      return ascii.length;
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
