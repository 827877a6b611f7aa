package com.benefits.etl.internal.rules;

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
   * Removes surrounding white space as Unicode defines it (the White_Space property): ASCII tab,
   * line feed, vertical tab, form feed, carriage return and space, U+0085, and the Unicode spaces
   * including the no-break ones (U+00A0, U+2007, U+202F) that {@link String#strip()} keeps.
   */
  public static String trim(String s) {
    int from = trimStart(s);
    int to = trimEnd(s, from);
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }

  /**
   * {@link #trimToNull(String)} for any text: {@code s} itself when it has nothing to trim, else
   * the part left ({@link CharSequence#subSequence}), or null when nothing is.
   */
  public static CharSequence trimToNull(CharSequence s) {
    int from = trimStart(s);
    int to = trimEnd(s, from);
    if (from == to) {
      return null;
    }
    return from == 0 && to == s.length() ? s : s.subSequence(from, to);
  }

  private static int trimStart(CharSequence s) {
    int from = 0;
    while (from < s.length() && isWhiteSpace(s.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimEnd(CharSequence s, int from) {
    int to = s.length();
    while (to > from && isWhiteSpace(s.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** The Unicode White_Space property (all of it lies in the Basic Multilingual Plane). */
  static boolean isWhiteSpace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    if (c < '\u0085') {
      return false;
    }
    return c == '\u0085'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }

  /** The value in double quotes, cut to {@link #QUOTE_LIMIT} characters, for messages. */
  public static String quote(String s) {
    if (s.length() <= QUOTE_LIMIT) {
      return '"' + s + '"';
    }
    return '"' + s.substring(0, QUOTE_LIMIT) + "\"… (" + s.length() + " characters)";
  }

  /**
   * {@code s} itself when at most {@code max} characters, else its first {@code max} characters
   * (never splitting a surrogate pair) and a marker giving the full length.
   */
  public static String cap(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, cut) + "… [cut: first " + cut + " of " + s.length() + " characters]";
  }
}
