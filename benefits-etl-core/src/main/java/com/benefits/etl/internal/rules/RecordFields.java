package com.benefits.etl.internal.rules;

import com.benefits.etl.internal.model.AsciiText;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a scan of one record found for the fields steps 1–3 look at (docs/spec.md 1.1): each field's
 * JSON kind and text, the last of a repeated key winning. Both scanners fill it, {@link
 * ByteRecordChecker} from the record's UTF-8 bytes and {@link RecordChecker} from Jackson's tokens,
 * and {@link RecordValidator} decides from it alone, so no rule is written twice. The field names
 * are spelled here only.
 *
 * <p>A text is a {@link String}, or, for a number or literal read from bytes, an ASCII slice of the
 * scanned buffer made into a string only when a message or the user id needs it. One instance is
 * reused record after record by one scanner; not thread-safe.
 */
public final class RecordFields {
  /** A key that is none of the fields below. */
  static final int OTHER = -1;

  static final int USER_ID = 0;
  static final int EVENT_TYPE = 1;
  static final int TIMESTAMP = 2;
  static final int VALUE = 3;
  static final int METADATA = 4;
  static final int DEVICE = 5;
  static final int PAGE = 6;

  /** The record itself, set only when it is not an object. */
  static final int RECORD = 7;

  private static final int COUNT = 8;

  /** The keys, by field; {@code DEVICE} and {@code PAGE} are keys of {@code metadata}. */
  private static final String[] KEYS = {
    "user_id", "event_type", "timestamp", "value", "metadata", "device", "page"
  };

  /** The fields as messages name them. */
  private static final String[] NAMES = {
    "user_id", "event_type", "timestamp", "value", "metadata", "metadata.device", "metadata.page"
  };

  /**
   * The keys' bytes, and for each length the fields whose key has it: a scan compares a name with
   * the keys of its length only (today each length has one key), not with every key in turn.
   */
  private static final byte[][] KEY_BYTES =
      Arrays.stream(KEYS).map(k -> k.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

  private static final int[][] TOP_LEVEL_BY_LENGTH = byLength(USER_ID, METADATA);
  private static final int[][] IN_METADATA_BY_LENGTH = byLength(DEVICE, PAGE);

  private final JsonToken[] kinds = new JsonToken[COUNT];
  private final AsciiText[] views = new AsciiText[COUNT];
  private final String[] texts = new String[COUNT];
  private final int[] from = new int[COUNT];
  private final int[] to = new int[COUNT];
  private byte[] source;
  private double value;

  /** The field a key of the record names, or {@link #OTHER}. */
  static int topLevel(String key) {
    for (int f = USER_ID; f <= METADATA; f++) {
      if (KEYS[f].equals(key)) {
        return f;
      }
    }
    return OTHER;
  }

  /** The field a key of {@code metadata} names, or {@link #OTHER}. */
  static int inMetadata(String key) {
    return KEYS[DEVICE].equals(key) ? DEVICE : KEYS[PAGE].equals(key) ? PAGE : OTHER;
  }

  /** {@link #topLevel(String)} for an unescaped ASCII key of {@code length} bytes at {@code at}. */
  static int topLevel(byte[] b, int at, int length) {
    return byBytes(TOP_LEVEL_BY_LENGTH, b, at, length);
  }

  /**
   * {@link #inMetadata(String)} for an unescaped ASCII key of {@code length} bytes at {@code at}.
   */
  static int inMetadata(byte[] b, int at, int length) {
    return byBytes(IN_METADATA_BY_LENGTH, b, at, length);
  }

  private static int[][] byLength(int first, int last) {
    int longest = 0;
    for (int f = first; f <= last; f++) {
      longest = Math.max(longest, KEY_BYTES[f].length);
    }
    int[][] fields = new int[longest + 1][0];
    for (int f = first; f <= last; f++) {
      int[] same = fields[KEY_BYTES[f].length];
      fields[KEY_BYTES[f].length] = Arrays.copyOf(same, same.length + 1);
      fields[KEY_BYTES[f].length][same.length] = f;
    }
    return fields;
  }

  private static int byBytes(int[][] byLength, byte[] b, int at, int length) {
    if (length >= byLength.length) {
      return OTHER;
    }
    for (int f : byLength[length]) {
      if (Arrays.equals(b, at, at + length, KEY_BYTES[f], 0, length)) {
        return f;
      }
    }
    return OTHER;
  }

  /** How messages name {@code field}. */
  static String name(int field) {
    return NAMES[field];
  }

  /** Forgets the last record; slices from now on are of {@code source}. */
  void clear(byte[] source) {
    this.source = source;
    Arrays.fill(kinds, null);
    Arrays.fill(texts, null);
  }

  /** The field holds a value of {@code kind}, with {@code text} (null for null and containers). */
  void set(int field, JsonToken kind, String text) {
    if (field == METADATA) {
      kinds[DEVICE] = null;
      kinds[PAGE] = null; // each metadata key starts afresh
    }
    kinds[field] = kind;
    texts[field] = text;
  }

  /**
   * The field holds a value of {@code kind} whose text is the ASCII bytes {@code from} to {@code
   * to} (a number, a literal, or a string with neither escapes nor non-ASCII bytes).
   */
  void setSlice(int field, JsonToken kind, int from, int to) {
    set(field, kind, null);
    this.from[field] = from;
    this.to[field] = to;
  }

  /** The number {@code value} holds, as a 64-bit float (set with its kind and text). */
  void setValue(double value) {
    this.value = value;
  }

  JsonToken kind(int field) {
    return kinds[field];
  }

  /** The field's text: a string's content, a number or literal as written; null for the others. */
  String text(int field) {
    String t = texts[field];
    if (t == null && isSlice(field)) {
      t = new String(source, from[field], to[field] - from[field], StandardCharsets.ISO_8859_1);
      texts[field] = t;
    }
    return t;
  }

  /**
   * {@link #text}, without making a string of a slice: an {@link AsciiText} view of the scanned
   * bytes, valid until the next record.
   */
  CharSequence chars(int field) {
    if (texts[field] != null || !isSlice(field)) {
      return texts[field];
    }
    AsciiText view = views[field];
    if (view == null) {
      view = views[field] = new AsciiText();
    }
    return view.set(source, from[field], to[field] - from[field]);
  }

  private boolean isSlice(int field) {
    JsonToken kind = kinds[field];
    return kind != null && kind.isScalarValue() && kind != JsonToken.VALUE_NULL;
  }

  double value() {
    return value;
  }
}
