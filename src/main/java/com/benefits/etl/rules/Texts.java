package com.benefits.etl.rules;

/** Small text rules shared by every engine: trimming ids and quoting values in messages. */
public final class Texts {
  /** Values quoted in messages are cut to this many characters. */
  public static final int QUOTE_LIMIT = 80;

  private Texts() {}

  /**
   * Trims surrounding whitespace, returning null when nothing is left. Used for event and
   * users-file user ids, countries and signup dates alike.
   */
  public static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = trim(s);
    return t.isEmpty() ? null : t;
  }

  /**
   * Removes surrounding Unicode white space: what {@link String#strip()} removes plus the
   * no-break spaces (U+00A0, U+2007, U+202F) that it keeps, as Python's {@code str.strip()} does.
   */
  public static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isWhitespace(s.charAt(from))) {
      from++;
    }
    while (to > from && isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }

  private static boolean isWhitespace(char c) {
    return c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f')
        : Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** The value in double quotes, cut to {@link #QUOTE_LIMIT} characters, for messages. */
  public static String quote(String s) {
    if (s.length() <= QUOTE_LIMIT) {
      return '"' + s + '"';
    }
    return '"' + s.substring(0, QUOTE_LIMIT) + "\"… (" + s.length() + " characters)";
  }
}
