package com.benefits.etl.internal.rules;

import com.benefits.etl.internal.model.CheckedRecord;
import com.fasterxml.jackson.core.JsonToken;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Steps 1–3 of docs/spec.md, section 2 read straight from a record's UTF-8 bytes, for the records
 * most files are made of. It only scans: the fields' kinds and texts go into {@link RecordFields}
 * (numbers and literals as slices of the buffer), and {@link RecordValidator} decides, exactly as
 * for {@link RecordChecker}'s Jackson tokens, so the outcome cannot depend on which one read the
 * record. Fields it skips cost no token, name lookup or string.
 *
 * <p>It accepts only a strict subset of JSON and <em>declines</em> the rest, so the caller hands
 * the record to Jackson and {@link RecordChecker} instead. Every record it accepts, Jackson accepts
 * too, with the same values. It declines:
 *
 * <ul>
 *   <li>a top-level or {@code metadata} key with a backslash escape (Jackson compares keys
 *       unescaped);
 *   <li>UTF-8 that is not well formed (overlong forms, surrogates, stray continuation bytes),
 *       control characters in strings, and escapes other than JSON's;
 *   <li>numbers beyond 18 digits; a {@code value} that is not {@code m × 10^k} with {@code m} (its
 *       digits read as an integer) below 2^53 and |k| ≤ 22, the range where one IEEE multiply or
 *       divide is correctly rounded, as {@link Double#parseDouble} is; a number, literal or name
 *       not followed by a delimiter;
 *   <li>anything deeper, longer or larger than the {@code limits} it is built with, or than its own
 *       small bounds.
 * </ul>
 *
 * <p>Written by hand, against the rule of preferring the library, because the benchmark showed
 * Jackson's tokens, name lookups and strings, plus {@link RecordChecker}'s walk over them, were
 * about half of the reading thread, the run's critical path. One instance keeps no state between
 * records, but is not thread-safe.
 */
public final class ByteRecordChecker {
  /** Returned by {@link #check} for a record outside the subset this class reads. */
  public static final int DECLINED = -1;

  /** Returned by {@link #check} when the record goes on past the limit it was given. */
  public static final int INCOMPLETE = -2;

  /** Returned inside the scan when an object or array closes; see {@link #closedAt}. */
  private static final int CLOSED = -3;

  private static final int MAX_DEPTH = 64;
  private static final int MAX_NUMBER_CHARS = 40;
  private static final int MAX_NAME_BYTES = 1024;
  private static final long MAX_EXACT_MANTISSA = 1L << 53;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private final int maxDepth;
  private final int maxNumberChars;
  private final int maxNameBytes;

  private byte[] b;
  private int limit;

  /** The offset past the last object or array that closed (with {@link #CLOSED}). */
  private int closedAt;

  private CheckedRecord result;

  // The last string scanned: its content's bounds and what it holds.
  private int strStart;
  private int strEnd;
  private boolean strEscaped;
  private boolean strNonAscii;

  // The last number scanned.
  private boolean numIsInt;

  /** The value of an integer of at most 18 digits. */
  private long numLong;

  private boolean numLongExact;

  /** The value of a number, when it is exactly what {@link Double#parseDouble} gives. */
  private double numDouble;

  private boolean numDoubleExact;

  /** What the scan of the current record found, for {@link RecordValidator}. */
  private final RecordFields fields = new RecordFields();

  /** Which field the name read by member() is. */
  private int memberField;

  /**
   * @param maxNestingDepth the reader's nesting limit, counting the enclosing array as 1
   * @param maxNumberLength the reader's longest number, in characters
   * @param maxNameLength the reader's longest field name, in characters
   */
  public ByteRecordChecker(int maxNestingDepth, int maxNumberLength, int maxNameLength) {
    this.maxDepth = Math.min(MAX_DEPTH, maxNestingDepth);
    this.maxNumberChars = Math.min(MAX_NUMBER_CHARS, maxNumberLength);
    this.maxNameBytes = Math.min(MAX_NAME_BYTES, maxNameLength);
  }

  /**
   * Checks the array element whose first byte is {@code bytes[from]}, reading no further than
   * {@code limit}.
   *
   * @return the offset just past the element, with its outcome in {@link #result()}; or {@link
   *     #DECLINED}; or {@link #INCOMPLETE} when the element does not end before {@code limit}
   */
  public int check(byte[] bytes, int from, int limit) {
    this.b = bytes;
    this.limit = limit;
    this.result = null;
    if (from >= limit) {
      return INCOMPLETE;
    }
    if (maxDepth < 2) {
      return DECLINED; // no room for the record itself inside its array
    }
    fields.clear(bytes);
    if (b[from] == '{') {
      return object(from);
    }
    int end = field(from, RecordFields.RECORD, 2);
    if (end >= 0) {
      result = RecordValidator.decide(fields);
    }
    return end;
  }

  /** The outcome of the element the last {@link #check} accepted. */
  public CheckedRecord result() {
    return result;
  }

  private int object(int from) {
    // p is a member's start; the body leaves it at the end of the member's value.
    for (int p = firstMember(from, '}'); p != CLOSED; p = nextMember(p, '}')) {
      if (p < 0) {
        return p;
      }
      p = member(p, false);
      if (p < 0) {
        return p;
      }
      int field = memberField;
      if (field == RecordFields.OTHER) {
        p = skip(p, 3);
      } else {
        p = field == RecordFields.METADATA && b[p] == '{' ? metadata(p) : field(p, field, 3);
      }
    }
    result = RecordValidator.decide(fields);
    return closedAt;
  }

  /** The members of the metadata object whose opening brace is at {@code open}. */
  private int metadata(int open) {
    if (maxDepth < 3) {
      return DECLINED;
    }
    fields.set(RecordFields.METADATA, JsonToken.START_OBJECT, null);
    for (int p = firstMember(open, '}'); p != CLOSED; p = nextMember(p, '}')) {
      if (p < 0) {
        return p;
      }
      p = member(p, true);
      if (p < 0) {
        return p;
      }
      p = memberField == RecordFields.OTHER ? skip(p, 4) : field(p, memberField, 4);
    }
    return closedAt;
  }

  /**
   * Scans the value at {@code p} (at {@code depth}) of {@code field}, noting its kind and text in
   * {@link #fields}; returns the offset past it, or a negative code.
   */
  private int field(int p, int field, int depth) {
    int c = b[p];
    if (c == '{' || c == '[') {
      int end = skip(p, depth);
      if (end >= 0) {
        fields.set(field, c == '{' ? JsonToken.START_OBJECT : JsonToken.START_ARRAY, null);
      }
      return end;
    }
    if (c == '"') {
      int end = string(p);
      if (end >= 0) {
        if (strEscaped || strNonAscii) {
          fields.set(field, JsonToken.VALUE_STRING, decodeString());
        } else {
          fields.setSlice(field, JsonToken.VALUE_STRING, strStart, strEnd);
        }
      }
      return end;
    }
    if (c == '-' || isDigit(c)) {
      int end = number(p);
      if (end < 0) {
        return end;
      }
      if (field == RecordFields.VALUE && !numIsInt && !numDoubleExact) {
        return DECLINED; // Jackson's double for it may differ from one IEEE operation's
      }
      fields.setSlice(
          field, numIsInt ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT, p, end);
      if (field == RecordFields.VALUE) {
        fields.setValue(numIsInt ? (double) numLong : numDouble);
      }
      return end;
    }
    int end = literal(p);
    if (end >= 0) {
      if (c == 'n') {
        fields.set(field, JsonToken.VALUE_NULL, null);
      } else {
        fields.setSlice(field, c == 't' ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE, p, end);
      }
    }
    return end;
  }

  /**
   * Reads a member's name at {@code p} and the colon after it: returns the value's offset (or a
   * negative code), with {@link #memberField} saying which field the name is.
   */
  private int member(int p, boolean inMetadata) {
    int end = name(p, inMetadata);
    return end < 0 ? end : valueStart(end);
  }

  /**
   * Reads the member name at {@code p} (its bounds are left in the string fields) and says which
   * field it is; names with escapes are declined, since Jackson compares them unescaped.
   */
  private int name(int p, boolean inMetadata) {
    if (b[p] != '"') {
      return DECLINED;
    }
    int end = string(p);
    if (end < 0) {
      return end;
    }
    if (strEscaped || strEnd - strStart > maxNameBytes) {
      return DECLINED;
    }
    int length = strEnd - strStart;
    memberField =
        strNonAscii
            ? RecordFields.OTHER
            : inMetadata
                ? RecordFields.inMetadata(b, strStart, length)
                : RecordFields.topLevel(b, strStart, length);
    return end;
  }

  /** Skips the colon after a member name, and the blanks around it. */
  private int valueStart(int p) {
    p = ws(p);
    if (p < 0) {
      return p;
    }
    if (b[p] != ':') {
      return DECLINED;
    }
    return ws(p + 1);
  }

  /**
   * The first member's (or element's) offset in the object or array whose opening byte is at {@code
   * open}; or {@link #CLOSED} when it is empty.
   */
  private int firstMember(int open, char close) {
    int p = ws(open + 1);
    return p >= 0 && b[p] == close ? closed(p) : p;
  }

  /**
   * After a member's value ending at {@code p} (or a negative code, passed on): the next member's
   * offset, past the comma; or {@link #CLOSED} at {@code close}.
   */
  private int nextMember(int p, char close) {
    if (p < 0) {
      return p;
    }
    p = ws(p);
    if (p < 0) {
      return p;
    }
    if (b[p] == close) {
      return closed(p);
    }
    return b[p] == ',' ? ws(p + 1) : DECLINED;
  }

  /** Notes that the container closes at {@code p}; the caller goes on from {@link #closedAt}. */
  private int closed(int p) {
    closedAt = p + 1;
    return CLOSED;
  }

  /** Skips any JSON value at {@code p}, checking it is well formed; {@code depth} is its own. */
  private int skip(int p, int depth) {
    int c = b[p];
    switch (c) {
      case '"':
        return string(p);
      case '{':
        return container(p, depth, '}');
      case '[':
        return container(p, depth, ']');
      case 't':
      case 'f':
      case 'n':
        return literal(p);
      default:
        return c == '-' || isDigit(c) ? number(p) : DECLINED;
    }
  }

  /** Skips an object ({@code close} '}') or an array (']') whose opening byte is at {@code p}. */
  private int container(int p, int depth, char close) {
    if (depth > maxDepth) {
      return DECLINED;
    }
    for (p = firstMember(p, close); p != CLOSED; p = nextMember(p, close)) {
      if (p < 0) {
        return p;
      }
      if (close == '}') {
        p = skippedName(p);
        p = p < 0 ? p : valueStart(p);
        if (p < 0) {
          return p;
        }
      }
      p = skip(p, depth + 1);
    }
    return closedAt;
  }

  /** A name in a skipped object: escapes are fine there, since it is not compared. */
  private int skippedName(int p) {
    int end = string(p);
    return end >= 0 && strEnd - strStart > maxNameBytes ? DECLINED : end;
  }

  /**
   * Scans the string whose opening quote is at {@code p}, leaving its content's bounds and kind in
   * the string fields; returns the offset past the closing quote. Plain ASCII is passed over eight
   * bytes at a time.
   */
  private int string(int p) {
    if (b[p] != '"') {
      return DECLINED;
    }
    final byte[] b = this.b;
    final int limit = this.limit;
    boolean escaped = false;
    boolean nonAscii = false;
    int q = p + 1;
    while (true) {
      while (q + 8 <= limit) {
        long special = special((long) LONGS.get(b, q));
        if (special != 0) {
          q += Long.numberOfTrailingZeros(special) >>> 3;
          break;
        }
        q += 8;
      }
      if (q >= limit) {
        return INCOMPLETE;
      }
      int c = b[q];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        escaped = true;
        q = escape(q);
      } else if (c < 0) {
        nonAscii = true;
        q = utf8(q);
      } else if (c < 0x20) {
        return DECLINED;
      } else {
        q++; // an ordinary byte in the last few before the limit
        continue;
      }
      if (q < 0) {
        return q;
      }
    }
    strStart = p + 1;
    strEnd = q;
    strEscaped = escaped;
    strNonAscii = nonAscii;
    return q + 1;
  }

  /**
   * The high bit of each byte of {@code x} (8 bytes, little-endian) that is a quote, a backslash, a
   * control character or not ASCII. Bytes after the first such one may be flagged falsely (by a
   * borrow); the lowest flagged byte is always a true one.
   */
  private static long special(long x) {
    long quote = x ^ 0x2222222222222222L;
    long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
    long zeroInQuote = (quote - ONES) & ~quote;
    long zeroInBackslash = (backslash - ONES) & ~backslash;
    long control = (x - 0x2020202020202020L) & ~x;
    return (zeroInQuote | zeroInBackslash | control | x) & HIGHS;
  }

  /** The content of the last string scanned, with its escapes and UTF-8 decoded as Jackson does. */
  private String decodeString() {
    int from = strStart;
    int to = strEnd;
    if (!strEscaped) {
      return new String(
          b, from, to - from, strNonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }
    char[] out = new char[to - from];
    int n = 0;
    for (int i = from; i < to; ) {
      int c = b[i];
      if (c == '\\') {
        int e = b[i + 1];
        if (e == 'u') {
          int unit = 0;
          for (int k = i + 2; k < i + 6; k++) {
            unit = (unit << 4) | Character.digit(b[k], 16);
          }
          out[n++] = (char) unit;
          i += 6;
          continue;
        }
        out[n++] =
            e == 'b'
                ? '\b'
                : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : (char) e;
        i += 2;
      } else if (c >= 0) {
        out[n++] = (char) c;
        i++;
      } else if ((c & 0xE0) == 0xC0) {
        out[n++] = (char) (((c & 0x1F) << 6) | (b[i + 1] & 0x3F));
        i += 2;
      } else if ((c & 0xF0) == 0xE0) {
        out[n++] = (char) (((c & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F));
        i += 3;
      } else {
        int cp =
            ((c & 0x07) << 18)
                | ((b[i + 1] & 0x3F) << 12)
                | ((b[i + 2] & 0x3F) << 6)
                | (b[i + 3] & 0x3F);
        out[n++] = Character.highSurrogate(cp);
        out[n++] = Character.lowSurrogate(cp);
        i += 4;
      }
    }
    return new String(out, 0, n);
  }

  /** A JSON escape at {@code q} (its backslash); returns the offset past it. */
  private int escape(int q) {
    if (q + 1 >= limit) {
      return INCOMPLETE;
    }
    switch (b[q + 1]) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return q + 2;
      case 'u':
        if (q + 5 >= limit) {
          return INCOMPLETE;
        }
        for (int i = q + 2; i < q + 6; i++) {
          if (Character.digit(b[i], 16) < 0) {
            return DECLINED;
          }
        }
        return q + 6;
      default:
        return DECLINED;
    }
  }

  /** A well-formed UTF-8 sequence of 2 to 4 bytes at {@code q}; returns the offset past it. */
  private int utf8(int q) {
    int next = Utf8.sequenceEnd(b, q, limit);
    return next >= 0 ? next : next == Utf8.CUT ? INCOMPLETE : DECLINED;
  }

  /**
   * Scans the number at {@code p} (JSON's grammar: no leading zeros, no '+', digits after '.' and
   * after the exponent mark), leaving its value in the number fields.
   */
  private int number(int p) {
    int q = p;
    boolean negative = b[q] == '-';
    if (negative) {
      q++;
    }
    long mantissa = 0;
    int digits = 0;
    if (q >= limit) {
      return INCOMPLETE;
    }
    if (b[q] == '0') {
      q++;
      if (q < limit && isDigit(b[q])) {
        return DECLINED;
      }
    } else if (isDigit(b[q])) {
      for (; q < limit && isDigit(b[q]); q++) {
        mantissa = mantissa * 10 + (b[q] - '0');
        digits++;
        if (digits > 18) {
          return DECLINED;
        }
      }
    } else {
      return DECLINED;
    }
    boolean isInt = true;
    int exponent = 0;
    if (q < limit && b[q] == '.') {
      isInt = false;
      q++;
      int start = q;
      for (; q < limit && isDigit(b[q]); q++) {
        if (mantissa != 0 || b[q] != '0') {
          digits++;
        }
        if (digits > 18) {
          return DECLINED;
        }
        mantissa = mantissa * 10 + (b[q] - '0');
        exponent--;
      }
      if (q == start) {
        return q >= limit ? INCOMPLETE : DECLINED;
      }
    }
    if (q < limit && (b[q] == 'e' || b[q] == 'E')) {
      isInt = false;
      q++;
      boolean negativeExponent = false;
      if (q < limit && (b[q] == '+' || b[q] == '-')) {
        negativeExponent = b[q] == '-';
        q++;
      }
      int start = q;
      int e = 0;
      for (; q < limit && isDigit(b[q]); q++) {
        e = Math.min(100_000, e * 10 + (b[q] - '0'));
      }
      if (q == start) {
        return q >= limit ? INCOMPLETE : DECLINED;
      }
      exponent += negativeExponent ? -e : e;
    }
    if (q >= limit) {
      return INCOMPLETE;
    }
    if (!isDelimiter(b[q]) || q - p > maxNumberChars) {
      return DECLINED;
    }
    numIsInt = isInt;
    numLongExact = isInt;
    numLong = negative ? -mantissa : mantissa;
    numDoubleExact =
        mantissa == 0 || (mantissa < MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22);
    if (numDoubleExact) {
      double d = mantissa;
      if (mantissa != 0) {
        d = exponent < 0 ? d / POWERS_OF_TEN[-exponent] : d * POWERS_OF_TEN[exponent];
      }
      numDouble = negative ? -d : d;
    }
    return q;
  }

  /** {@code true}, {@code false} or {@code null} at {@code p}, followed by a delimiter. */
  private int literal(int p) {
    String word = b[p] == 't' ? "true" : b[p] == 'f' ? "false" : b[p] == 'n' ? "null" : null;
    if (word == null) {
      return DECLINED;
    }
    int end = p + word.length();
    if (end >= limit) {
      return INCOMPLETE;
    }
    for (int i = 1; i < word.length(); i++) {
      if (b[p + i] != word.charAt(i)) {
        return DECLINED;
      }
    }
    return isDelimiter(b[end]) ? end : DECLINED;
  }

  /** Skips JSON blanks; the offset of the next byte, or {@link #INCOMPLETE} at the limit. */
  private int ws(int p) {
    while (p < limit) {
      if (!isBlank(b[p])) {
        return p;
      }
      p++;
    }
    return INCOMPLETE;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDelimiter(int c) {
    return c == ',' || c == '}' || c == ']' || isBlank(c);
  }

  /** JSON's blanks between tokens: space, tab, LF and CR (Jackson allows no others). */
  public static boolean isBlank(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }
}
